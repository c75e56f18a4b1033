using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using WorkflowHub.Campaign.Audit;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Tests.Infrastructure;
using WorkflowHub.Engine.Persistence;

namespace WorkflowHub.Campaign.Tests.Audit;

/// <summary>The audit chain with the engine's store on the same file: entries join the engine commands' group commit.</summary>
public sealed class AuditTrailInEngineGroupCommitTests : AuditTrailTests
{
    protected override bool WithEngineStore => true;

    [Fact]
    public void The_engine_store_on_the_same_file_takes_the_entries()
    {
        Assert.True(AuditChainWriter.For(Options).JoinsEngineCommits(EngineStore));
        Assert.False(AuditChainWriter.For(Options).JoinsEngineCommits(engineStore: null));
    }

    [Fact]
    public async Task A_commands_entry_commits_in_its_engine_commands_transaction_once()
    {
        await EngineStore!.MigrateAsync();
        var behavior = Behavior();

        var seenInsideCommand = await behavior.Handle(new AuditedTestCommand("t-1"), async (_, _) =>
        {
            await CommitEngineInstanceAsync();
            var visible = await ActionsAsync();
            await CommitEngineInstanceAsync();
            return visible;
        }, CancellationToken.None);

        // Already committed when the engine command returned, and not appended a second time afterwards.
        Assert.Equal(["AuditedTestCommand"], seenInsideCommand);
        Assert.Equal(["AuditedTestCommand"], await ActionsAsync());
        Assert.True((await VerifyAsync()).Valid);
    }

    [Fact]
    public async Task A_command_that_fails_after_its_engine_command_committed_gets_a_second_entry_for_the_failure()
    {
        await EngineStore!.MigrateAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await Behavior().Handle(new AuditedTestCommand("t-2"), async (_, _) =>
        {
            await CommitEngineInstanceAsync();
            throw new InvalidOperationException("after the engine");
        }, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await Behavior().Handle(new AuditedTestCommand("t-3"), (_, _) =>
            throw new InvalidOperationException("before the engine"), CancellationToken.None));

        await using var db = new CampaignDbContext(Options);
        var entries = await db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(
            [(AuditOutcome.Succeeded, (string?)null), (AuditOutcome.Failed, "InvalidOperationException"), (AuditOutcome.Failed, "InvalidOperationException")],
            entries.Select(e => (e.Outcome, e.Error)));
        Assert.True((await VerifyAsync()).Valid);
    }

    [Fact]
    public async Task Entries_written_by_hand_are_stored_and_read_back_as_the_model_writes_them()
    {
        var byHand = await Trail().AppendAsync("u-1", "张三", "city", "ReportHazard", "{\"n\":1}", AuditOutcome.Succeeded, null, CancellationToken.None);
        var byModel = await TrailWithoutEngine().AppendAsync("u-2", null, null, "SignOut", "{}", AuditOutcome.Failed, "ValidationException", CancellationToken.None);
        var byHandAgain = await Trail().AppendAsync(null, null, null, "Engine.TaskCompleted", "{}", AuditOutcome.Succeeded, null, CancellationToken.None);

        Assert.Equal([1L, 2, 3], [byHand.Sequence, byModel.Sequence, byHandAgain.Sequence]);
        Assert.Equal(["TEXT|INTEGER|INTEGER|TEXT|TEXT|TEXT", "TEXT|INTEGER|INTEGER|TEXT|TEXT|TEXT", "TEXT|INTEGER|INTEGER|TEXT|TEXT|TEXT"], await StorageClassesAsync());
        await using (var db = new CampaignDbContext(Options))
        {
            var stored = await db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
            Assert.Equal(
                [Fields(byHand), Fields(byModel), Fields(byHandAgain)],
                stored.Select(Fields));
        }

        var result = await VerifyAsync();
        Assert.True(result.Valid, result.FirstBrokenEntry?.Reason);
        Assert.Equal(3, result.LastSequence);
    }

    [Fact]
    public async Task Concurrent_appends_by_both_paths_form_one_chain()
    {
        await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(() =>
            (i % 3 == 0 ? TrailWithoutEngine() : Trail()).AppendAsync(null, "mixed" + i, null, "Mixed", "{}", AuditOutcome.Succeeded, null, CancellationToken.None))));

        var result = await VerifyAsync();
        Assert.True(result.Valid, result.FirstBrokenEntry?.Reason);
        Assert.Equal(60, result.LastSequence);
    }

    private AuditBehavior<AuditedTestCommand, List<string>> Behavior() =>
        new(Trail(), new TestUser("city", "Admin"), NullLogger<AuditBehavior<AuditedTestCommand, List<string>>>.Instance);

    private async Task<List<string>> ActionsAsync()
    {
        await using var db = new CampaignDbContext(Options);
        return await db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
    }

    private async Task CommitEngineInstanceAsync()
    {
        await using var transaction = await EngineStore!.BeginAsync();
        transaction.AddInstance(new InstanceRecord
        {
            Id = Guid.NewGuid(),
            DefinitionId = "audited:1",
            DefinitionKey = "audited",
            DefinitionVersion = 1,
            State = InstanceState.Active,
            StartedAt = DateTimeOffset.UnixEpoch,
            Version = 1,
            Document = "{\"executions\":[]}",
        });
        await transaction.CommitAsync();
    }

    private static string Fields(AuditEntry entry) =>
        string.Join('|', entry.Id, entry.Sequence, entry.OccurredAt.ToUnixTimeMilliseconds(), entry.UserId, entry.UserName, entry.OrgUnitCode,
            entry.Action, entry.Payload, entry.Outcome, entry.Error, entry.PreviousHash, entry.Hash);

    /// <summary>SQLite's storage class of the id, sequence, time, outcome and hashes, and whether the id is upper-case as EF writes it.</summary>
    private async Task<List<string>> StorageClassesAsync()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT upper(typeof("Id")) || CASE WHEN "Id" = upper("Id") THEN '' ELSE ' lower-case' END, upper(typeof("Sequence")), upper(typeof("OccurredAt")),
                   upper(typeof("Outcome")), upper(typeof("PreviousHash")), upper(typeof("Hash"))
            FROM "AuditEntries" ORDER BY "Sequence"
            """;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)));
        }

        return rows;
    }
}

/// <summary>A command the audit behaviour records, run by the tests with a handler of their own.</summary>
public sealed record AuditedTestCommand(string TaskId) : ICommand<List<string>>;
