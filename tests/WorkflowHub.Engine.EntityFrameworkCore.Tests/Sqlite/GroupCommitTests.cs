using WorkflowHub.Engine.EntityFrameworkCore.Sqlite;
using WorkflowHub.Engine.EntityFrameworkCore.Sqlite.Sessions;
using WorkflowHub.Engine.EntityFrameworkCore.Transactions;
using WorkflowHub.Engine.EntityFrameworkCore.Tests.Support;

namespace WorkflowHub.Engine.EntityFrameworkCore.Tests.Sqlite;

/// <summary>
/// Commands queued while another commits are written together in one transaction, each under a savepoint: a command
/// whose writes fail is rolled back alone and gets its own exception; the others of its batch commit.
/// </summary>
public sealed class GroupCommitTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_failing_command_in_a_batch_is_rolled_back_alone_and_the_others_commit()
    {
        var groupCommit = CreateMarksTable();
        using var first = SqliteSession.Open(_database.ConnectionString, walAutoCheckpointPages: 1000);
        using var second = SqliteSession.Open(_database.ConnectionString, walAutoCheckpointPages: 1000);
        using var third = SqliteSession.Open(_database.ConnectionString, walAutoCheckpointPages: 1000);
        using var firstWriting = new ManualResetEventSlim();
        using var releaseFirst = new ManualResetEventSlim();

        // The first command holds the turn inside its transaction until the other two have queued behind it.
        var leading = Task.Run(() => groupCommit.CommitAsync(first, statements =>
        {
            MarksTable.Insert(statements, "first");
            firstWriting.Set();
            releaseFirst.Wait();
        }));
        firstWriting.Wait();
        var failing = Task.Run(() => groupCommit.CommitAsync(second, statements =>
        {
            MarksTable.Insert(statements, "second");
            MarksTable.Insert(statements, "first");
        }));
        var passing = Task.Run(() => groupCommit.CommitAsync(third, statements => MarksTable.Insert(statements, "third")));
        await Task.Delay(200);
        releaseFirst.Set();

        await leading;
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => failing);
        await passing;
        Assert.Equal(["first", "third"], Marks());
    }

    [Fact]
    public async Task Many_concurrent_commands_all_commit_once()
    {
        var groupCommit = CreateMarksTable();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
        {
            using var session = SqliteSession.Open(_database.ConnectionString, walAutoCheckpointPages: 1000);
            for (var i = 0; i < 50; i++)
            {
                var name = $"{worker}-{i}";
                await groupCommit.CommitAsync(session, statements => MarksTable.Insert(statements, name));
            }
        })));

        Assert.Equal(800, Marks().Count);
    }

    [Fact]
    public async Task Another_features_rows_join_the_stores_group_commit_and_fail_alone()
    {
        CreateMarksTable();
        using var store = EfEngineStore.ForSqlite(_database.ConnectionString);
        using var otherFile = new TempDatabase();

        Assert.True(store.CommitsWithCommandsOn(SqliteWriterGate.For(_database.FilePath)));
        Assert.False(store.CommitsWithCommandsOn(SqliteWriterGate.For(otherFile.ConnectionString)));
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                var name = $"{worker}-{i}";
                await store.CommitWithCommandsAsync(statements => MarksTable.Insert(statements, name));
            }
        })));
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => store.CommitWithCommandsAsync(statements =>
        {
            MarksTable.Insert(statements, "late");
            MarksTable.Insert(statements, "0-0");
        }));

        Assert.Equal(160, Marks().Count);
        Assert.DoesNotContain("late", Marks());
    }

    [Fact]
    public void Inside_an_application_transaction_the_store_commits_no_other_rows()
    {
        using var store = EfEngineStore.ForSqlite(_database.ConnectionString);
        using var connection = _database.OpenConnection();
        using var transaction = connection.BeginTransaction();

        using (EngineTransactionScope.Join(connection, transaction))
        {
            // Its rows would be invisible to (and could deadlock with) the open transaction's connection.
            Assert.False(store.CommitsWithCommandsOn(SqliteWriterGate.For(_database.ConnectionString)));
        }

        Assert.True(store.CommitsWithCommandsOn(SqliteWriterGate.For(_database.ConnectionString)));
    }

    /// <summary>A table of unique names on the test's file, and a group commit on it.</summary>
    private SqliteGroupCommit CreateMarksTable()
    {
        MarksTable.Create(_database);
        return new SqliteGroupCommit(SqliteWriterGate.For(_database.ConnectionString));
    }

    private List<string> Marks() => MarksTable.Read(_database);
}
