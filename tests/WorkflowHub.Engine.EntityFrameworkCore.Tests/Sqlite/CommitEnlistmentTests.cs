using WorkflowHub.Engine.EntityFrameworkCore.Sqlite;
using WorkflowHub.Engine.EntityFrameworkCore.Sqlite.Sessions;
using WorkflowHub.Engine.EntityFrameworkCore.Tests.Support;
using static WorkflowHub.Engine.EntityFrameworkCore.Tests.Support.Records;

namespace WorkflowHub.Engine.EntityFrameworkCore.Tests.Sqlite;

/// <summary>
/// Rows offered by the async flow of an application command (its audit entry) commit inside the next engine command's
/// own transaction on the same file: both or neither, once.
/// </summary>
public sealed class CommitEnlistmentTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private SqliteWriterGate File => SqliteWriterGate.For(_database.ConnectionString);

    [Fact]
    public async Task Offered_rows_commit_once_with_the_next_engine_command_of_the_flow()
    {
        using var store = await CreateStoreWithMarksAsync();

        using (var offer = SqliteCommitEnlistment.Offer(File, statements => MarksTable.Insert(statements, "audit")))
        {
            await CommitInstanceAsync(store, Instance(businessKey: "HZ-1"));
            await CommitInstanceAsync(store, Instance(businessKey: "HZ-2"));

            Assert.True(offer.Committed);
        }

        Assert.Equal(["audit"], Marks());
    }

    [Fact]
    public async Task A_failed_engine_command_takes_the_offered_rows_down_with_it_and_its_retry_writes_them()
    {
        using var store = await CreateStoreWithMarksAsync();
        var existing = Instance(businessKey: "HZ-1");
        await CommitInstanceAsync(store, existing);

        using var offer = SqliteCommitEnlistment.Offer(File, statements => MarksTable.Insert(statements, "audit"));
        var duplicate = Instance(businessKey: "HZ-2");
        duplicate.Id = existing.Id;
        await Assert.ThrowsAsync<ConcurrencyException>(() => CommitInstanceAsync(store, duplicate));

        Assert.False(offer.Committed);
        Assert.Empty(Marks());
        await CommitInstanceAsync(store, Instance(businessKey: "HZ-3"));
        Assert.True(offer.Committed);
        Assert.Equal(["audit"], Marks());
    }

    [Fact]
    public async Task Offered_rows_that_fail_fail_the_engine_command_with_them()
    {
        using var store = await CreateStoreWithMarksAsync();
        using (var first = SqliteCommitEnlistment.Offer(File, statements => MarksTable.Insert(statements, "audit")))
        {
            await CommitInstanceAsync(store, Instance(businessKey: "HZ-1"));
        }

        var refused = Instance(businessKey: "HZ-2");
        using (var again = SqliteCommitEnlistment.Offer(File, statements => MarksTable.Insert(statements, "audit")))
        {
            // The engine reports a refused row of its transaction as it reports its own.
            await Assert.ThrowsAsync<ConcurrencyException>(() => CommitInstanceAsync(store, refused));
            Assert.False(again.Committed);
        }

        Assert.Null(await store.FindInstanceAsync(refused.Id));
    }

    [Fact]
    public async Task Withdrawing_waits_for_a_commit_that_took_the_offer_and_answers_how_it_went()
    {
        using var store = await CreateStoreWithMarksAsync();
        using var offer = SqliteCommitEnlistment.Offer(File, statements => MarksTable.Insert(statements, "audit"));
        Task committing;
        using (await File.EnterAsync(CancellationToken.None))
        {
            // A task the flow starts inherits the offer; its commit takes it and then waits for the gate held here.
            committing = Task.Run(() => CommitInstanceAsync(store, Instance(businessKey: "HZ-1")));
            await Task.Delay(200);
            var withdrawing = Task.Run(offer.Withdraw);
            await Task.Delay(200);
            Assert.False(withdrawing.IsCompleted);
        }

        await committing;
        Assert.True(offer.Withdraw());
        Assert.Equal(["audit"], Marks());
    }

    [Fact]
    public async Task An_offer_for_another_file_or_one_withdrawn_is_not_taken()
    {
        using var store = await CreateStoreWithMarksAsync();
        using var otherFile = new TempDatabase();

        using (var elsewhere = SqliteCommitEnlistment.Offer(SqliteWriterGate.For(otherFile.ConnectionString), statements => MarksTable.Insert(statements, "elsewhere")))
        {
            await CommitInstanceAsync(store, Instance(businessKey: "HZ-1"));
            Assert.False(elsewhere.Committed);
        }

        var withdrawn = SqliteCommitEnlistment.Offer(File, statements => MarksTable.Insert(statements, "withdrawn"));
        Assert.False(withdrawn.Withdraw());
        withdrawn.Dispose();
        await CommitInstanceAsync(store, Instance(businessKey: "HZ-2"));

        Assert.False(withdrawn.Committed);
        Assert.Empty(Marks());
    }

    private static async Task CommitInstanceAsync(EfEngineStore store, InstanceRecord instance)
    {
        await using var transaction = await store.BeginAsync();
        transaction.AddInstance(instance);
        await transaction.CommitAsync();
    }

    private async Task<EfEngineStore> CreateStoreWithMarksAsync()
    {
        var store = await _database.CreateMigratedStoreAsync();
        MarksTable.Create(_database);
        return store;
    }

    private List<string> Marks() => MarksTable.Read(_database);
}
