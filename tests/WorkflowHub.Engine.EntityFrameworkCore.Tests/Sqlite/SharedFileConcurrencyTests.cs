using WorkflowHub.Engine.EntityFrameworkCore.Tests.Support;
using static WorkflowHub.Engine.EntityFrameworkCore.Tests.Support.Records;

namespace WorkflowHub.Engine.EntityFrameworkCore.Tests.Sqlite;

/// <summary>Several store handles (as several server processes would have) writing the same file at once.</summary>
public sealed class SharedFileConcurrencyTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Racing_commands_on_one_instance_lose_no_update()
    {
        var first = await _database.CreateMigratedStoreAsync();
        var stores = new IEngineStore[] { first, EfEngineStore.ForSqlite(_database.ConnectionString), EfEngineStore.ForSqlite(_database.ConnectionString) };
        var instance = Instance();
        instance.Document = "0";
        await using (var tx = await first.BeginAsync())
        {
            tx.AddInstance(instance);
            await tx.CommitAsync();
        }

        const int workers = 6;
        const int incrementsEach = 15;
        var conflicts = 0;
        var runs = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var store = stores[w % stores.Length];
            for (var done = 0; done < incrementsEach;)
            {
                await using var tx = await store.BeginAsync();
                var current = (await tx.FindInstanceAsync(instance.Id))!;
                var expected = current.Version;
                current.Version = expected + 1;
                current.Document = (int.Parse(current.Document) + 1).ToString();
                tx.UpdateInstance(current, expected);
                tx.AppendHistory(History(current, current.Version));
                try
                {
                    await tx.CommitAsync();
                    done++;
                }
                catch (ConcurrencyException)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        }));
        await Task.WhenAll(runs);

        var stored = (await first.FindInstanceAsync(instance.Id))!;
        Assert.Equal((workers * incrementsEach).ToString(), stored.Document);
        Assert.Equal(1 + (workers * incrementsEach), stored.Version);

        // Exactly one history row per successful save: failed commits left nothing behind.
        var history = await first.GetHistoryAsync(instance.Id);
        Assert.Equal(Enumerable.Range(2, workers * incrementsEach).Select(v => (long)v), history.Select(h => h.Sequence));
    }

    [Fact]
    public async Task A_new_store_on_the_same_file_finds_everything_committed_before()
    {
        var instance = Instance(businessKey: "HZ-42");
        var task = UserTask(instance);
        task.CandidateGroups = ["市应急管理局"];
        task.DueDate = T0.AddDays(7);
        await using (var tx = await (await _database.CreateMigratedStoreAsync()).BeginAsync())
        {
            tx.AddDefinition(Definition("hazard", 1, "<定义/>"));
            tx.AddInstance(instance);
            tx.AddTask(task);
            tx.AddJob(Job(T0.AddDays(1), instanceId: instance.Id));
            tx.AppendHistory(History(instance, 1, HistoryEventType.InstanceStarted));
            await tx.CommitAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var reopened = EfEngineStore.ForSqlite(_database.ConnectionString);
        Assert.Equal("<定义/>", (await reopened.FindLatestDefinitionAsync("hazard"))!.Xml);
        Assert.Equal("HZ-42", (await reopened.FindInstanceAsync(instance.Id))!.BusinessKey);
        var visible = await reopened.QueryTasksAsync(new TaskQuery { CandidateGroups = ["市应急管理局"], DueBefore = T0.AddDays(8) });
        Assert.Equal(task.Id, Assert.Single(visible.Items).Id);
        Assert.Equal(T0.AddDays(1), await reopened.GetNextJobDueAtAsync());
        Assert.Single(await reopened.GetHistoryAsync(instance.Id));
    }
}
