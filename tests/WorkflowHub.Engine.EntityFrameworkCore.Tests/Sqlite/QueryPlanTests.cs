using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Engine.EntityFrameworkCore.Model;
using WorkflowHub.Engine.EntityFrameworkCore.Store;
using WorkflowHub.Engine.EntityFrameworkCore.Tests.Support;

namespace WorkflowHub.Engine.EntityFrameworkCore.Tests.Sqlite;

/// <summary>The hot queries run on their indexes, not on table scans (checked with SQLite's EXPLAIN QUERY PLAN).</summary>
public sealed partial class QueryPlanTests : IAsyncLifetime
{
    private readonly TempDatabase _database = new();

    public async Task InitializeAsync() => await _database.CreateMigratedStoreAsync();

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    private string Plan(string sql)
    {
        // EF's query string starts with ".param set" lines for its parameters; the plan needs only their names.
        var statement = string.Join('\n', sql.Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement;
        foreach (var name in ParameterName().Matches(statement).Select(m => m.Value).Distinct())
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(3));
        }

        return string.Join('\n', lines);
    }

    private EngineDbContext Context() =>
        new(new DbContextOptionsBuilder<EngineDbContext>().UseSqlite(_database.ConnectionString).Options);

    [Fact]
    public void Tasks_offered_to_a_user_or_groups_are_found_through_the_candidate_index()
    {
        using var db = Context();
        var sql = StoreQueries.Tasks(db, new TaskQuery { CandidateUser = "wang", CandidateGroups = ["安委办", "应急局"] }).ToQueryString();
        var plan = Plan(sql);
        Assert.Contains("IX_engine_task_candidates_kind_value_task_id", plan);
        Assert.DoesNotContain($"SCAN {EngineTables.TaskCandidates}", plan);
        Assert.DoesNotContain("SCAN e ", plan + " ");
    }

    [Fact]
    public void History_message_correlation_and_due_jobs_use_their_indexes()
    {
        using var db = Context();
        var instanceId = Guid.NewGuid();
        var history = Plan(db.History.Where(h => h.InstanceId == instanceId).OrderBy(h => h.Sequence).ToQueryString());
        Assert.Contains("IX_engine_history_instance_id_sequence", history);
        Assert.DoesNotContain("TEMP B-TREE", history);

        var correlation = Plan(db.Subscriptions.Where(s => s.MessageName == "m" && s.BusinessKey == "b").ToQueryString());
        Assert.Contains("IX_engine_subscriptions_message_name_business_key", correlation);

        var due = Plan($"SELECT id FROM {EngineTables.Jobs} WHERE due_at <= @now AND retries > 0 AND (lock_owner IS NULL OR lock_expires_at <= @now) ORDER BY priority DESC, due_at LIMIT 10");
        Assert.Contains("IX_engine_jobs_due_at_priority", due);
    }

    [GeneratedRegex(@"@\w+")]
    private static partial Regex ParameterName();
}
