using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;
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
    /// one in thirty candidate rows, few tasks per assignee, 37,000 open offers): without them SQLite guesses, and on an empty file it may
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
                ('{EngineTables.TaskOffers}', '{OfferIndex}', '37437 18719 2496 1 1 1 1'),
                ('{EngineTables.TaskOffers}', 'sqlite_autoindex_engine_task_offers_1', '37437 1 1 1'),
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
    public void Finished_tasks_offered_to_a_group_are_counted_and_paged_from_index_entries_and_only_the_rows_of_the_page_are_read(TaskSort sort)
    {
        AssumeStatisticsOfALargeCity();
        using var db = Context();

        // Not an inbox of open offers (finished tasks): from engine_task_candidates, as before engine_task_offers.
        var offered = StoreQueries.Tasks(db, FireInbox with { State = UserTaskState.Completed });

        // Count: candidate index to the task ids, then state and assignee checked in the covering tasks index.
        var count = Plan(offered.Select(t => t.Id).ToQueryString().Replace("SELECT \"e\".\"id\"", "SELECT COUNT(*)", StringComparison.Ordinal));
        Assert.True(count.Contains("SEARCH e0 USING COVERING INDEX IX_engine_task_candidates_kind_value_task_id", StringComparison.Ordinal), count);
        Assert.Contains("USING COVERING INDEX " + CoveringTaskIndex, count);
        Assert.DoesNotContain("SCAN", count);

        // Page: the same index entries are sorted, and the rows are read by id for the page only.
        var sql = StoreQueries.Page(db, offered, sort, skip: 20, take: 20).ToQueryString();
        var page = Plan(sql);
        Assert.True(page.Contains("USING COVERING INDEX " + CoveringTaskIndex, StringComparison.Ordinal), sql + "\n" + page);
        Assert.Matches(@"SEARCH e USING INDEX \S+ \(id=\?\)", page);
        Assert.DoesNotContain("SCAN", page);
    }

    private const string OfferIndex = "IX_engine_task_offers_kind_value_created_at_due_date_priority_task_id";

    private static readonly TaskQuery FireInbox = new() { Unassigned = true, CandidateUser = "wang", CandidateGroups = ["fire-rescue", "fire-rescue:DepartmentOfficer"] };

    [Theory]
    [InlineData(TaskSort.Created)]
    [InlineData(TaskSort.DueDate)]
    [InlineData(TaskSort.Priority)]
    public void An_inbox_of_open_offers_is_counted_and_paged_from_the_offers_index_alone(TaskSort sort)
    {
        AssumeStatisticsOfALargeCity();
        using var db = Context();
        Assert.True(StoreQueries.OffersAnswer(FireInbox));
        var offers = StoreQueries.InboxOffers(db, FireInbox with { Sort = sort })!;

        // Count: the (kind, value) ranges of the offers index, nothing of engine_task_candidates or engine_tasks.
        var count = Plan(StoreQueries.DistinctOfferedTasks(offers).ToQueryString().Replace("SELECT \"e0\".\"created_at\"", "SELECT COUNT(*)", StringComparison.Ordinal));
        Assert.Contains($"SEARCH e USING COVERING INDEX {OfferIndex} (kind=? AND value=?)", count);
        Assert.DoesNotContain("candidates", count);
        Assert.DoesNotContain(CoveringTaskIndex, count);
        Assert.DoesNotContain("SCAN e ", count + " ");
        Assert.DoesNotContain("sqlite_autoindex_engine_task_offers", count);

        // Page: the ids from the same index entries, then the page's rows by id.
        var sql = StoreQueries.OfferedPage(db, offers, oneRange: false, sort, skip: 20, take: 20).ToQueryString();
        var page = Plan(sql);
        Assert.True(page.Contains($"SEARCH e0 USING COVERING INDEX {OfferIndex} (kind=? AND value=?)", StringComparison.Ordinal), sql + "\n" + page);
        Assert.Matches(@"SEARCH e USING INDEX \S+ \(id=\?\)", page);
        Assert.DoesNotContain("candidates", page);
        Assert.DoesNotContain(CoveringTaskIndex, page);
        Assert.DoesNotContain("SCAN e ", page + " ");
    }

    [Fact]
    public async Task The_inbox_reads_as_many_index_entries_however_many_finished_tasks_its_group_was_offered()
    {
        using var store = await _database.CreateMigratedStoreAsync();
        var instance = Records.Instance();
        await using (var tx = await store.BeginAsync())
        {
            tx.AddInstance(instance);
            for (var i = 0; i < 30; i++)
            {
                tx.AddTask(Offered(instance, i, UserTaskState.Active));
            }

            await tx.CommitAsync();
        }

        var (openCount, openPage) = VirtualMachineSteps();

        // Ten times as many finished tasks of the same group: the campaign's history.
        await using (var tx = await store.BeginAsync())
        {
            for (var i = 0; i < 300; i++)
            {
                tx.AddTask(Offered(instance, 100 + i, i % 2 == 0 ? UserTaskState.Completed : UserTaskState.Cancelled));
            }

            await tx.CommitAsync();
        }

        Assert.Equal(30, (await store.QueryTasksAsync(FireInbox)).TotalCount);
        Assert.Equal(330, (await store.QueryTasksAsync(FireInbox with { Unassigned = null, State = null })).TotalCount);
        var (afterCount, afterPage) = VirtualMachineSteps();
        Assert.Equal(openCount, afterCount);
        Assert.Equal(openPage, afterPage);
        Assert.True(openCount < 30 * 40, $"{openCount} steps to count 30 open offers");
    }

    [Fact]
    public async Task An_inbox_in_one_range_is_counted_without_distinct_and_reads_its_first_page_in_index_order()
    {
        using var store = await _database.CreateMigratedStoreAsync();
        var instance = Records.Instance();
        await using (var tx = await store.BeginAsync())
        {
            tx.AddInstance(instance);
            await tx.CommitAsync();
        }

        await AddOpenAsync(store, instance, Enumerable.Range(0, 30));
        var few = OneRangePageSteps();

        await AddOpenAsync(store, instance, Enumerable.Range(30, 270));
        var many = OneRangePageSteps();

        var inbox = await store.QueryTasksAsync(FireInbox with { Take = 20 });
        Assert.Equal(300, inbox.TotalCount);
        Assert.Equal(Enumerable.Range(0, 20).Select(m => "t" + m), inbox.Items.Select(t => t.ElementId));
        Assert.Equal(few, many);
    }

    private static async Task AddOpenAsync(EfEngineStore store, InstanceRecord instance, IEnumerable<int> minutes)
    {
        await using var tx = await store.BeginAsync();
        foreach (var minute in minutes)
        {
            tx.AddTask(Offered(instance, minute, UserTaskState.Active));
        }

        await tx.CommitAsync();
    }

    /// <summary>SQLite's virtual machine steps for the first newest-first page of <see cref="FireInbox"/>'s one non-empty range.</summary>
    private int OneRangePageSteps()
    {
        using var db = Context();
        var range = Assert.Single(StoreQueries.InboxRanges(FireInbox), r => r.Value == "fire-rescue");
        var page = StoreQueries.OfferedPage(db, StoreQueries.OffersIn(db, range, dueBefore: null), oneRange: true, TaskSort.Created, skip: 0, take: 20).ToQueryString();
        using var connection = _database.OpenConnection();
        return Steps(connection, page);
    }

    private static UserTaskRecord Offered(InstanceRecord instance, int minute, UserTaskState state)
    {
        var task = Records.UserTask(instance, "t" + minute, Records.T0.AddMinutes(minute));
        task.CandidateGroups = ["fire-rescue"];
        task.DueDate = Records.T0.AddDays(minute % 7);
        task.State = state;
        return task;
    }

    /// <summary>SQLite's count of virtual machine steps for the inbox's count and page statements: a measure of the entries read.</summary>
    private (int Count, int Page) VirtualMachineSteps()
    {
        using var db = Context();
        var offers = StoreQueries.InboxOffers(db, FireInbox)!;
        var count = StoreQueries.DistinctOfferedTasks(offers).ToQueryString().Replace("SELECT \"e0\".\"created_at\"", "SELECT COUNT(*)", StringComparison.Ordinal);
        var page = StoreQueries.OfferedPage(db, offers, oneRange: false, TaskSort.DueDate, skip: 0, take: 20).ToQueryString();
        using var connection = _database.OpenConnection();
        return (Steps(connection, count), Steps(connection, page));
    }

    private static int Steps(SqliteConnection connection, string queryString)
    {
        // EF's query string sets its parameters with ".param set NAME VALUE" lines; the values are SQL literals.
        var lines = queryString.Split('\n');
        var sql = string.Join('\n', lines.Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
        foreach (var line in lines.Where(line => line.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line[".param set ".Length..].Split(' ', 2);
            sql = Regex.Replace(sql, Regex.Escape(parts[0]) + @"\b", parts[1].Replace("$", "$$", StringComparison.Ordinal));
        }

        var handle = connection.Handle!;
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        using (statement)
        {
            while (raw.sqlite3_step(statement) == raw.SQLITE_ROW)
            {
            }

            return raw.sqlite3_stmt_status(statement, raw.SQLITE_STMTSTATUS_VM_STEP, 0);
        }
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
