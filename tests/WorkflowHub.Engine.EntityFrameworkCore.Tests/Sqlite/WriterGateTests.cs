using System.Diagnostics;
using WorkflowHub.Engine.EntityFrameworkCore.Sqlite;
using WorkflowHub.Engine.EntityFrameworkCore.Tests.Support;
using static WorkflowHub.Engine.EntityFrameworkCore.Tests.Support.Records;

namespace WorkflowHub.Engine.EntityFrameworkCore.Tests.Sqlite;

/// <summary>Commits of one process queue at the file's writer gate: all of them land, and a stale one fails alone.</summary>
public sealed class WriterGateTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Parallel_completions_all_commit_and_only_the_stale_commands_fail()
    {
        var store = await _database.CreateMigratedStoreAsync();
        var second = EfEngineStore.ForSqlite(_database.ConnectionString);
        const int instances = 48;
        var tasks = new List<UserTaskRecord>();
        await using (var tx = await store.BeginAsync())
        {
            for (var i = 0; i < instances; i++)
            {
                var instance = Instance(businessKey: $"HZ-{i}");
                var task = UserTask(instance, "step1");
                task.CandidateGroups = ["安全科"];
                tx.AddInstance(instance);
                tx.AddTask(task);
                tasks.Add(task);
            }

            await tx.CommitAsync();
        }

        var staleFailures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; i < instances; i += 8)
            {
                // Two commands read the same instance; the first to commit wins, the other is stale.
                await using var winner = await (worker % 2 == 0 ? store : second).BeginAsync();
                await using var stale = await store.BeginAsync();
                await CompleteAsync(winner, tasks[i].Id, "winner");
                await CompleteAsync(stale, tasks[i].Id, "stale");
                await winner.CommitAsync();
                try
                {
                    await stale.CommitAsync();
                }
                catch (ConcurrencyException)
                {
                    Interlocked.Increment(ref staleFailures);
                }
            }
        })));

        Assert.Equal(instances, staleFailures);

        // Queued, not sleeping on SQLITE_BUSY (whose retries back off for tens of milliseconds each).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        foreach (var task in tasks)
        {
            var stored = (await store.FindTaskAsync(task.Id))!;
            Assert.Equal(UserTaskState.Completed, stored.State);
            Assert.Equal("winner", stored.CompletedBy);
            var instance = (await store.FindInstanceAsync(task.InstanceId))!;
            Assert.Equal(2, instance.Version);
            Assert.Equal("winner", instance.Document);
            var history = await store.GetHistoryAsync(task.InstanceId);
            Assert.Equal("winner", Assert.Single(history).UserId);
        }

        var next = await store.QueryTasksAsync(new TaskQuery { CandidateGroups = ["安全科"], ElementId = "step2", Take = 100 });
        Assert.Equal(instances, next.TotalCount);
        Assert.All(next.Items, t => Assert.Equal(new[] { "winner" }, t.CandidateUsers));
        var leftOpen = await store.QueryTasksAsync(new TaskQuery { ElementId = "step1", State = UserTaskState.Active });
        Assert.Equal(0, leftOpen.TotalCount);
    }

    [Fact]
    public void Stores_on_one_file_share_a_gate_and_other_files_have_their_own()
    {
        var gate = SqliteWriterGate.For(_database.ConnectionString);

        Assert.Same(gate, SqliteWriterGate.For(SqliteConnectionStrings.Normalize(_database.FilePath)));
        Assert.Same(gate, SqliteWriterGate.For($"Data Source={Path.Combine(_database.Folder, ".", "engine.db")}"));
        Assert.NotSame(gate, SqliteWriterGate.For(Path.Combine(_database.Folder, "other.db")));
    }

    [Fact]
    public async Task A_waiting_writer_enters_only_after_the_holder_leaves()
    {
        var gate = SqliteWriterGate.For(Path.Combine(_database.Folder, "gate.db"));
        var held = await gate.EnterAsync(CancellationToken.None);
        var waiting = gate.EnterAsync(CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);

        held.Dispose();
        (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    /// <summary>What completing a user task writes: the task, the instance with its version check, the next task with candidates, a history row.</summary>
    private static async Task CompleteAsync(IEngineTransaction tx, Guid taskId, string userId)
    {
        var task = (await tx.FindTaskAsync(taskId))!;
        var instance = (await tx.FindInstanceAsync(task.InstanceId))!;
        task.State = UserTaskState.Completed;
        task.CompletedBy = userId;
        task.CompletedAt = T0.AddMinutes(1);
        tx.UpdateTask(task);

        var nextTask = UserTask(instance, "step2");
        nextTask.CandidateGroups = ["安全科"];
        nextTask.CandidateUsers = [userId];
        tx.AddTask(nextTask);

        var expected = instance.Version;
        instance.Version = expected + 1;
        instance.Document = userId;
        tx.UpdateInstance(instance, expected);

        var history = History(instance, instance.Version, HistoryEventType.ActivityCompleted);
        history.UserId = userId;
        history.TaskId = taskId;
        tx.AppendHistory(history);
    }
}
