using Microsoft.EntityFrameworkCore;
using WorkflowHub.Engine.EntityFrameworkCore.Model;
using WorkflowHub.Engine.EntityFrameworkCore.Providers;
using WorkflowHub.Engine.EntityFrameworkCore.Tests.Support;
using static WorkflowHub.Engine.EntityFrameworkCore.Tests.Support.Records;

namespace WorkflowHub.Engine.EntityFrameworkCore.Tests.Sqlite;

/// <summary>
/// The store's hand-written statements must store every value exactly as EF's SaveChanges does (type and text), or
/// EF queries over the same columns would miss rows: a row written by SaveChanges and one written by a store commit are
/// compared column by column.
/// </summary>
public sealed class DirectWriteTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Theory]
    [InlineData(EngineTables.Instances)]
    [InlineData(EngineTables.Tasks)]
    [InlineData(EngineTables.TaskCandidates)]
    [InlineData(EngineTables.TaskOffers)]
    [InlineData(EngineTables.Jobs)]
    [InlineData(EngineTables.Subscriptions)]
    [InlineData(EngineTables.History)]
    public async Task Rows_written_by_a_commit_are_stored_like_rows_written_by_SaveChanges(string table)
    {
        var store = await _database.CreateMigratedStoreAsync();
        var (viaEf, viaStore) = (Sample("ef"), Sample("store"));
        if (table == EngineTables.TaskOffers)
        {
            // Only an unassigned task is on offer.
            viaEf.Task.Assignee = viaStore.Task.Assignee = null;
        }

        await using (var db = CreateContext())
        {
            db.Instances.Add(viaEf.Instance);
            db.Tasks.Add(viaEf.Task);
            db.TaskCandidates.AddRange(TaskCandidate.For(viaEf.Task));
            var offers = new List<TaskOffer>();
            TaskOffer.AddFor(viaEf.Task, offers);
            db.TaskOffers.AddRange(offers);
            db.Jobs.Add(viaEf.Job);
            db.Subscriptions.Add(viaEf.Subscription);
            db.History.Add(viaEf.History);
            await db.SaveChangesAsync();
        }

        await using (var tx = await store.BeginAsync())
        {
            tx.AddInstance(viaStore.Instance);
            tx.AddTask(viaStore.Task);
            tx.AddJob(viaStore.Job);
            tx.AddSubscription(viaStore.Subscription);
            tx.AppendHistory(viaStore.History);
            await tx.CommitAsync();
        }

        using var connection = _database.OpenConnection();
        var columns = Columns(connection, table);
        var rows = Rows(connection, table, columns).Where(r => !r.TryGetValue("value", out var value) || value.Text == "'李四'").ToList();
        Assert.Equal(2, rows.Count);

        // Ids and timestamps differ between the samples; types, and everything the samples share, must not.
        var keyColumn = table is EngineTables.TaskCandidates or EngineTables.TaskOffers ? "task_id" : "id";
        var ef = rows.Single(r => r[keyColumn].Text == Key(viaEf, table));
        var direct = rows.Single(r => r[keyColumn].Text == Key(viaStore, table));
        foreach (var column in columns)
        {
            Assert.True(ef[column].Type == direct[column].Type, $"{table}.{column}: {ef[column].Type} via SaveChanges, {direct[column].Type} via commit");
            if ((!column.EndsWith("id", StringComparison.Ordinal) && column != "business_key") || column is "definition_id" or "element_id" or "user_id")
            {
                Assert.True(ef[column].Text == direct[column].Text, $"{table}.{column}: {ef[column].Text} via SaveChanges, {direct[column].Text} via commit");
            }
        }
    }

    [Fact]
    public async Task An_update_writes_only_changed_columns_and_keeps_the_rest()
    {
        var store = await _database.CreateMigratedStoreAsync();
        var sample = Sample("x");
        await using (var tx = await store.BeginAsync())
        {
            tx.AddInstance(sample.Instance);
            tx.AddTask(sample.Task);
            await tx.CommitAsync();
        }

        await using (var tx = await store.BeginAsync())
        {
            var task = (await tx.FindTaskAsync(sample.Task.Id))!;
            task.Assignee = null;
            task.CandidateUsers = ["王五"];
            tx.UpdateTask(task);
            await tx.CommitAsync();
        }

        var stored = (await store.FindTaskAsync(sample.Task.Id))!;
        Assert.Null(stored.Assignee);
        Assert.Equal(new[] { "王五" }, stored.CandidateUsers);
        Assert.Equal(sample.Task.CandidateGroups, stored.CandidateGroups);
        Assert.Equal(sample.Task.DueDate, stored.DueDate);
        Assert.Equal(sample.Task.Name, stored.Name);
        Assert.Equal(sample.Task.Id, Assert.Single((await store.QueryTasksAsync(new TaskQuery { CandidateUser = "王五" })).Items).Id);
        Assert.Empty((await store.QueryTasksAsync(new TaskQuery { CandidateUser = "张三" })).Items);
    }

    private EngineDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<EngineDbContext>();
        new SqliteEngineDatabaseProvider(_database.ConnectionString).Configure(builder);
        return new EngineDbContext(builder.Options);
    }

    private static (InstanceRecord Instance, UserTaskRecord Task, JobRecord Job, EventSubscriptionRecord Subscription, HistoryEventRecord History) Sample(string tag)
    {
        var instance = Instance(businessKey: "HZ-" + tag);
        instance.ParentInstanceId = Guid.NewGuid();
        instance.EndedAt = T0.AddHours(1);
        var task = UserTask(instance);
        task.Assignee = "张三";
        task.CandidateUsers = ["张三", "李四"];
        task.CandidateGroups = ["市应急管理局"];
        task.DueDate = T0.AddDays(3);
        task.FollowUpDate = T0.AddDays(2);
        task.ClaimedAt = T0.AddMinutes(5);
        task.FormKey = "form:review";
        var job = Job(T0.AddDays(1), priority: 5, instanceId: instance.Id);
        job.Topic = "notify";
        job.LockOwner = "node-1";
        job.LockExpiresAt = T0.AddMinutes(10);
        job.Configuration = "R3/PT1H";
        job.ErrorMessage = "超时";
        var history = History(instance, 1, HistoryEventType.TaskCompleted);
        history.TaskId = task.Id;
        return (instance, task, job, Subscription("整改完成", instance), history);
    }

    private static string Key((InstanceRecord Instance, UserTaskRecord Task, JobRecord Job, EventSubscriptionRecord Subscription, HistoryEventRecord History) sample, string table) =>
        "'" + (table switch
        {
            EngineTables.Instances => sample.Instance.Id,
            EngineTables.Tasks or EngineTables.TaskCandidates or EngineTables.TaskOffers => sample.Task.Id,
            EngineTables.Jobs => sample.Job.Id,
            EngineTables.Subscriptions => sample.Subscription.Id,
            _ => sample.History.Id,
        }).ToString().ToUpperInvariant() + "'";

    private static List<string> Columns(Microsoft.Data.Sqlite.SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static List<Dictionary<string, (string Type, string Text)>> Rows(Microsoft.Data.Sqlite.SqliteConnection connection, string table, List<string> columns)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"typeof({c}), quote({c})"))} FROM {table}";
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, (string, string)>>();
        while (reader.Read())
        {
            rows.Add(columns.Select((c, i) => (c, (reader.GetString(2 * i), reader.GetString((2 * i) + 1)))).ToDictionary(x => x.c, x => x.Item2));
        }

        return rows;
    }
}
