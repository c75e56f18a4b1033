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

    private const int WarmUpInstances = 400;

    /// <param name="databaseFolder">Where the temporary database files go (default: the system temp folder); /dev/shm separates disk from CPU.</param>
    public static SqliteCompletionBenchmark Create(bool quick, string? databaseFolder = null) => quick
        ? new(instances: 1_000, steps: 3, clientCounts: [1, 4], databaseFolder)
        : new(instances: 2_000, steps: 4, clientCounts: [1, 4], databaseFolder);

    public async Task<IReadOnlyList<CompletionRun>> RunAsync()
    {
        Report.Heading("sqlite-completions: user-task completions on SQLite through EfEngineStore");
        Report.Line($"{instances} instances x {steps} user tasks per client count; databases in {databaseFolder ?? Path.GetTempPath()}; warm-up on separate databases first");

        // Long enough for tiered compilation to reach the hot paths' final code, then a pause for its background thread to
        // finish: with a short warm-up the JIT's tier-1 work (a third of the process CPU in a profile) lands in the timed rounds.
        await RunOnFreshDatabaseAsync(instances: WarmUpInstances, clients: 1);
        await RunOnFreshDatabaseAsync(instances: WarmUpInstances, clients: 4);
        await Task.Delay(TimeSpan.FromSeconds(2));

        var runs = new List<CompletionRun>();
        foreach (var clients in clientCounts)
        {
            var run = await RunOnFreshDatabaseAsync(instances, clients);
            runs.Add(run);
            Report.Line($"{clients} client(s): {run.Completions} completions in {run.Elapsed.TotalSeconds:F2} s = {run.PerSecond:F0} completions/s; starts {run.StartsPerSecond:F0}/s");
            Report.Line($"  latency per completion: {run.Latency}");
            Report.Line($"  CPU per completion (all threads): {run.CpuMillisecondsPerCompletion:F3} ms, i.e. at most {1000 / run.CpuMillisecondsPerCompletion * Environment.ProcessorCount:F0}/s if the completions kept every core busy");
            Report.Line($"  methods JIT-compiled during the timed rounds: {run.MethodsJitted} (tiered compilation still at work when not near 0; run with DOTNET_TieredCompilation=0 for steady-state CPU)");
            Report.Line($"  allocated per completion (all threads): {run.BytesPerCompletion / 1024.0:F1} KB; gen0/1/2 collections during the timed rounds: {run.Collections}");
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
            var allocated = 0L;
            var jitted = 0L;
            int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
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
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var jitBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
                var round = Stopwatch.StartNew();
                var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() =>
                    CompleteShareAsync(engine, page.Items, c, clients))));
                timed += round.Elapsed;
                cpu += ProcessCpu.Used() - cpuBefore;
                allocated += GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                jitted += System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore;
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

            var collections = $"{GC.CollectionCount(0) - collectionsBefore[0]}/{GC.CollectionCount(1) - collectionsBefore[1]}/{GC.CollectionCount(2) - collectionsBefore[2]}";
            return new CompletionRun(clients, latencies.Count, timed, cpu, jitted, allocated, collections, instances / startElapsed.TotalSeconds, new Percentiles(latencies));
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

public sealed record CompletionRun(int Clients, int Completions, TimeSpan Elapsed, TimeSpan CpuTime, long MethodsJitted, long AllocatedBytes, string Collections, double StartsPerSecond, Percentiles Latency)
{
    public double PerSecond => Completions / Elapsed.TotalSeconds;

    public double CpuMillisecondsPerCompletion => CpuTime.TotalMilliseconds / Completions;

    public double BytesPerCompletion => (double)AllocatedBytes / Completions;
}
