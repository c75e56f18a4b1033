using System.Diagnostics;
using WorkflowHub.Benchmarks.Measurement;
using WorkflowHub.Engine;
using WorkflowHub.Engine.EntityFrameworkCore;
using WorkflowHub.Engine.Persistence;

namespace WorkflowHub.Benchmarks.Sqlite;

/// <summary>
/// User-task completions through <see cref="WorkflowEngine.CompleteTaskAsync"/> on a SQLite file (EfEngineStore, WAL,
/// synchronous=NORMAL as the store configures it). Each client count gets its own fresh database: deploy a chain of
/// user tasks, start the instances, then complete the chain round by round (round k completes every instance's task k;
/// the last round also completes the instances). Only the completion calls are timed; finding the round's tasks is not.
/// </summary>
public sealed class SqliteCompletionBenchmark(int instances, int steps, IReadOnlyList<int> clientCounts, string? databaseFolder)
{
    public const double GoalPerSecond = 1_500;

    /// <param name="databaseFolder">Where the temporary database files go (default: the system temp folder); /dev/shm separates disk from CPU.</param>
    public static SqliteCompletionBenchmark Create(bool quick, string? databaseFolder = null) => quick
        ? new(instances: 1_000, steps: 3, clientCounts: [1, 4], databaseFolder)
        : new(instances: 2_000, steps: 4, clientCounts: [1, 4], databaseFolder);

    public async Task<IReadOnlyList<CompletionRun>> RunAsync()
    {
        Report.Heading("sqlite-completions: user-task completions on SQLite through EfEngineStore");
        Report.Line($"{instances} instances x {steps} user tasks per client count; databases in {databaseFolder ?? Path.GetTempPath()}; warm-up on a separate database first");
        await RunOnFreshDatabaseAsync(instances: 100, clients: 2);

        var runs = new List<CompletionRun>();
        foreach (var clients in clientCounts)
        {
            var run = await RunOnFreshDatabaseAsync(instances, clients);
            runs.Add(run);
            Report.Line($"{clients} client(s): {run.Completions} completions in {run.Elapsed.TotalSeconds:F2} s = {run.PerSecond:F0} completions/s; starts {run.StartsPerSecond:F0}/s");
            Report.Line($"  latency per completion: {run.Latency}");
            Report.Line($"  CPU per completion (all threads): {run.CpuMillisecondsPerCompletion:F3} ms, i.e. at most {1000 / run.CpuMillisecondsPerCompletion * Environment.ProcessorCount:F0}/s if the completions kept every core busy");
        }

        var best = runs.Max(r => r.PerSecond);
        Report.Goal($"at least {GoalPerSecond:F0} completions/s on SQLite (best {best:F0}/s)", best >= GoalPerSecond);
        return runs;
    }

    private async Task<CompletionRun> RunOnFreshDatabaseAsync(int instances, int clients)
    {
        var folder = databaseFolder is null
            ? Directory.CreateTempSubdirectory("workflowhub-bench-")
            : Directory.CreateDirectory(Path.Combine(databaseFolder, $"workflowhub-bench-{Guid.NewGuid():N}"));
        try
        {
            var store = EfEngineStore.ForSqlite(Path.Combine(folder.FullName, "engine.db"));
            await store.MigrateAsync();
            var engine = new WorkflowEngine(store);
            await engine.DeployAsync(UserTaskChain.Process(steps));

            var startClock = Stopwatch.StartNew();
            for (var i = 0; i < instances; i++)
            {
                await engine.StartInstanceAsync(UserTaskChain.ProcessKey, businessKey: $"B-{i}");
            }

            var startElapsed = startClock.Elapsed;
            var latencies = new List<TimeSpan>(instances * steps);
            var timed = TimeSpan.Zero;
            var cpu = TimeSpan.Zero;
            for (var step = 1; step <= steps; step++)
            {
                var page = await engine.Queries.QueryTasksAsync(new TaskQuery
                {
                    DefinitionKey = UserTaskChain.ProcessKey,
                    ElementId = UserTaskChain.ElementId(step),
                    Take = instances,
                });
                if (page.Items.Count != instances)
                {
                    throw new InvalidOperationException($"Round {step}: expected {instances} active tasks, found {page.Items.Count}.");
                }

                var cpuBefore = ProcessCpu.Used();
                var round = Stopwatch.StartNew();
                var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() =>
                    CompleteShareAsync(engine, page.Items, c, clients))));
                timed += round.Elapsed;
                cpu += ProcessCpu.Used() - cpuBefore;
                foreach (var share in perClient)
                {
                    latencies.AddRange(share);
                }
            }

            var completed = await engine.Queries.QueryInstancesAsync(new InstanceQuery { DefinitionKey = UserTaskChain.ProcessKey, State = InstanceState.Completed, Take = 1 });
            if (completed.TotalCount != instances)
            {
                throw new InvalidOperationException($"Expected {instances} completed instances, found {completed.TotalCount}.");
            }

            return new CompletionRun(clients, latencies.Count, timed, cpu, instances / startElapsed.TotalSeconds, new Percentiles(latencies));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Client <paramref name="client"/> takes every n-th task, so two clients never touch the same instance.</summary>
    private static async Task<List<TimeSpan>> CompleteShareAsync(WorkflowEngine engine, IReadOnlyList<UserTaskRecord> tasks, int client, int clients)
    {
        var latencies = new List<TimeSpan>(tasks.Count / clients + 1);
        for (var i = client; i < tasks.Count; i += clients)
        {
            var started = Stopwatch.GetTimestamp();
            await engine.CompleteTaskAsync(tasks[i].Id, userId: "bench");
            latencies.Add(Stopwatch.GetElapsedTime(started));
        }

        return latencies;
    }
}

public sealed record CompletionRun(int Clients, int Completions, TimeSpan Elapsed, TimeSpan CpuTime, double StartsPerSecond, Percentiles Latency)
{
    public double PerSecond => Completions / Elapsed.TotalSeconds;

    public double CpuMillisecondsPerCompletion => CpuTime.TotalMilliseconds / Completions;
}
