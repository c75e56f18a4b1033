using System.Diagnostics;
using System.Runtime;
using WorkflowHub.Benchmarks.Measurement;
using WorkflowHub.Engine;
using WorkflowHub.Engine.Persistence.InMemory;

namespace WorkflowHub.Benchmarks.InMemory;

/// <summary>
/// Only our engine's script-task workload, in rounds for a fixed time: a steady process to attach a profiler to
/// (dotnet-trace collect -- dotnet WorkflowHub.Benchmarks.dll engine-profile). Besides wall time it reports the
/// process CPU time, the bytes allocated and the collections per instance over the timed rounds (deploys excluded),
/// which a loaded machine distorts far less than wall time. With a fixed number of rounds instead of a duration it
/// runs them as BenchmarkDotNet's <c>engine-vs-workflowcore</c> does (no untimed warm-up, a full collection before
/// each round) and prints every round, which shows how the figures move while the JIT tiers the code up.
/// </summary>
public static class EngineProfileLoop
{
    public static async Task RunAsync(TimeSpan duration, bool jintScripts = false, int? fixedRounds = null)
    {
        var (process, key) = jintScripts
            ? (WorkflowHubThreeSteps.JintScriptProcess, WorkflowHubThreeSteps.JintScriptProcessKey)
            : (WorkflowHubThreeSteps.ScriptProcess, WorkflowHubThreeSteps.ScriptProcessKey);
        var length = fixedRounds is { } n ? $"{n} rounds from a cold start" : $"{duration.TotalSeconds:F0} s";
        Report.Heading($"engine-profile: WorkflowHub three {(jintScripts ? "Jint-only " : "")}script tasks, in-memory store, one caller, for {length}");
        if (fixedRounds is null)
        {
            // One untimed round first: JIT, the script engine's first use and the pools' growth are not the steady state.
            var warmUp = new WorkflowEngine(new InMemoryEngineStore());
            await warmUp.DeployAsync(process);
            for (var i = 0; i < ThreeStepWorkflowBenchmarks.InstancesPerRound; i++)
            {
                await warmUp.StartInstanceAsync(key);
            }
        }

        var total = Stopwatch.StartNew();
        var rounds = new List<TimeSpan>();
        var cpu = TimeSpan.Zero;
        long allocated = 0;
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        while (fixedRounds is { } count ? rounds.Count < count : total.Elapsed < duration)
        {
            var jitBeforeDeploy = JitInfo.GetCompiledMethodCount();
            var engine = new WorkflowEngine(new InMemoryEngineStore());
            await engine.DeployAsync(process);
            if (fixedRounds is not null)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }

            var cpuBefore = ProcessCpu.Used();
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var jitBefore = JitInfo.GetCompiledMethodCount();
            var faultsBefore = MinorPageFaults();
            var round = Stopwatch.StartNew();
            for (var i = 0; i < ThreeStepWorkflowBenchmarks.InstancesPerRound; i++)
            {
                await engine.StartInstanceAsync(key);
            }

            var elapsed = round.Elapsed;
            var roundCpu = ProcessCpu.Used() - cpuBefore;
            rounds.Add(elapsed / ThreeStepWorkflowBenchmarks.InstancesPerRound);
            allocated += GC.GetTotalAllocatedBytes() - allocatedBefore;
            cpu += roundCpu;
            if (fixedRounds is not null)
            {
                Report.Line($"round {rounds.Count,3}: {elapsed.TotalMicroseconds / ThreeStepWorkflowBenchmarks.InstancesPerRound,6:F1} µs wall, {roundCpu.TotalMicroseconds / ThreeStepWorkflowBenchmarks.InstancesPerRound,6:F1} µs CPU per instance, {JitInfo.GetCompiledMethodCount() - jitBefore,4} methods JIT-compiled ({jitBefore - jitBeforeDeploy} in the deploy before it), {(MinorPageFaults() - faultsBefore) / (double)ThreeStepWorkflowBenchmarks.InstancesPerRound:F2} page faults per instance");
            }
        }

        var stats = new Percentiles(rounds);
        var instances = (double)rounds.Count * ThreeStepWorkflowBenchmarks.InstancesPerRound;
        Report.Line($"{rounds.Count} rounds of {ThreeStepWorkflowBenchmarks.InstancesPerRound}: median {1000 / stats.Median:F0} instances/s, best {1000 / stats.Min:F0} instances/s");
        Report.Line($"per instance: {cpu.TotalMicroseconds / instances:F1} µs CPU (all threads, GC included), {allocated / instances / 1024:F2} KB allocated");
        Report.Line($"collections per 1,000 instances (gen0/gen1/gen2): {Per1000(0):F2}/{Per1000(1):F2}/{Per1000(2):F2}{(fixedRounds is null ? "" : " (the forced ones before each round included)")}");
        Report.Line($"finished: {MachineLoad.Describe()}");

        double Per1000(int generation) => (GC.CollectionCount(generation) - collectionsBefore[generation]) * 1000 / instances;
    }

    /// <summary>
    /// The process's minor page faults so far (Linux; 0 elsewhere): memory the collector hands out fresh after a full
    /// collection is faulted in page by page, which on a virtual machine costs microseconds each.
    /// </summary>
    private static long MinorPageFaults()
    {
        const string path = "/proc/self/stat";
        if (!File.Exists(path))
        {
            return 0;
        }

        // Field 10 (minflt), counted after the parenthesised command name, which may itself contain spaces.
        var stat = File.ReadAllText(path);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[7], System.Globalization.CultureInfo.InvariantCulture);
    }
}
