using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Audit;
using WorkflowHub.Campaign.Infrastructure.Persistence;

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
