using System.Diagnostics;
using WorkflowHub.Benchmarks.Measurement;
using WorkflowHub.Engine;
using WorkflowHub.Engine.Persistence.InMemory;

namespace WorkflowHub.Benchmarks.InMemory;

/// <summary>
/// Only our engine's script-task workload, in rounds for a fixed time: a steady process to attach a profiler to
/// (dotnet-trace collect -- dotnet WorkflowHub.Benchmarks.dll engine-profile). Besides wall time it reports the
/// process CPU time and the bytes allocated per instance over the timed rounds (deploys excluded), which a loaded
/// machine distorts far less than wall time.
/// </summary>
public static class EngineProfileLoop
{
    public static async Task RunAsync(TimeSpan duration, bool jintScripts = false)
    {
        var (process, key) = jintScripts
            ? (WorkflowHubThreeSteps.JintScriptProcess, WorkflowHubThreeSteps.JintScriptProcessKey)
            : (WorkflowHubThreeSteps.ScriptProcess, WorkflowHubThreeSteps.ScriptProcessKey);
        Report.Heading($"engine-profile: WorkflowHub three {(jintScripts ? "Jint-only " : "")}script tasks, in-memory store, one caller, for {duration.TotalSeconds:F0} s");
        // One untimed round first: JIT, the script engine's first use and the pools' growth are not the steady state.
        var warmUp = new WorkflowEngine(new InMemoryEngineStore());
        await warmUp.DeployAsync(process);
        for (var i = 0; i < ThreeStepWorkflowBenchmarks.InstancesPerRound; i++)
        {
            await warmUp.StartInstanceAsync(key);
        }

        var total = Stopwatch.StartNew();
        var rounds = new List<TimeSpan>();
        var cpu = TimeSpan.Zero;
        long allocated = 0;
        while (total.Elapsed < duration)
        {
            var engine = new WorkflowEngine(new InMemoryEngineStore());
            await engine.DeployAsync(process);
            var cpuBefore = ProcessCpu.Used();
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var round = Stopwatch.StartNew();
            for (var i = 0; i < ThreeStepWorkflowBenchmarks.InstancesPerRound; i++)
            {
                await engine.StartInstanceAsync(key);
            }

            rounds.Add(round.Elapsed / ThreeStepWorkflowBenchmarks.InstancesPerRound);
            allocated += GC.GetTotalAllocatedBytes() - allocatedBefore;
            cpu += ProcessCpu.Used() - cpuBefore;
        }

        var stats = new Percentiles(rounds);
        var instances = (double)rounds.Count * ThreeStepWorkflowBenchmarks.InstancesPerRound;
        Report.Line($"{rounds.Count} rounds of {ThreeStepWorkflowBenchmarks.InstancesPerRound}: median {1000 / stats.Median:F0} instances/s, best {1000 / stats.Min:F0} instances/s");
        Report.Line($"per instance: {cpu.TotalMicroseconds / instances:F1} µs CPU (all threads, GC included), {allocated / instances / 1024:F1} KB allocated");
        Report.Line($"finished: {MachineLoad.Describe()}");
    }
}
