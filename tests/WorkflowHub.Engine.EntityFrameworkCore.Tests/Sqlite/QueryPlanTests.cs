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

    /// <summary>
    /// The planner statistics PRAGMA optimize leaves on a city of 100,000 hazards (300,000 tasks, a department's group on
    /// one in thirty candidate rows, few tasks per assignee): without them SQLite guesses, and on an empty file it may
    /// guess a plan that reads every unassigned task.
    /// </summary>
    private void AssumeStatisticsOfALargeCity()
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            ANALYZE;
            DELETE FROM sqlite_stat1;
            INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES
                ('{EngineTables.TaskCandidates}', 'IX_engine_task_candidates_kind_value_task_id', '299695 299695 9990 1'),
                ('{EngineTables.TaskCandidates}', 'sqlite_autoindex_engine_task_candidates_1', '299695 1 1 1'),
                ('{EngineTables.Tasks}', '{CoveringTaskIndex}', '299695 1 1 1 1 1 1'),
                ('{EngineTables.Tasks}', 'IX_engine_tasks_instance_id_state', '299695 3 3'),
                ('{EngineTables.Tasks}', 'IX_engine_tasks_business_key', '299695 3'),
                ('{EngineTables.Tasks}', 'IX_engine_tasks_state_due_date', '299695 149848 2'),
                ('{EngineTables.Tasks}', 'IX_engine_tasks_assignee_state', '299695 1484 742'),
                ('{EngineTables.Tasks}', 'sqlite_autoindex_engine_tasks_1', '299695 1');
            """;
        command.ExecuteNonQuery();
    }

    private const string CoveringTaskIndex = "IX_engine_tasks_id_state_assignee_created_at_due_date_priority";

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

    [Theory]
    [InlineData(TaskSort.Created)]
    [InlineData(TaskSort.DueDate)]
    [InlineData(TaskSort.Priority)]
    public void An_inbox_is_counted_and_paged_from_index_entries_and_reads_only_the_rows_of_its_page(TaskSort sort)
    {
        AssumeStatisticsOfALargeCity();
        using var db = Context();
        var offered = StoreQueries.Tasks(db, new TaskQuery { Unassigned = true, CandidateUser = "wang", CandidateGroups = ["fire-rescue", "fire-rescue:DepartmentOfficer"] });

        // Count: candidate index to the task ids, then state and assignee checked in the covering tasks index.
        var count = Plan(offered.Select(t => t.Id).ToQueryString().Replace("SELECT \"e\".\"id\"", "SELECT COUNT(*)", StringComparison.Ordinal));
        Assert.Contains("SEARCH e0 USING COVERING INDEX IX_engine_task_candidates_kind_value_task_id", count);
        Assert.Contains("USING COVERING INDEX " + CoveringTaskIndex, count);
        Assert.DoesNotContain("SCAN", count);

        // Page: the same index entries are sorted, and the rows are read by id for the page only.
        var sql = StoreQueries.Page(db, offered, sort, skip: 20, take: 20).ToQueryString();
        var page = Plan(sql);
        Assert.True(page.Contains("USING COVERING INDEX " + CoveringTaskIndex, StringComparison.Ordinal), sql + "\n" + page);
        Assert.Matches(@"SEARCH e USING INDEX \S+ \(id=\?\)", page);
        Assert.DoesNotContain("SCAN", page);
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
