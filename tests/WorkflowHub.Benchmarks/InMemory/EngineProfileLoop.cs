using System.Diagnostics;
using WorkflowHub.Benchmarks.Measurement;
using WorkflowHub.Engine;
using WorkflowHub.Engine.Persistence.InMemory;

namespace WorkflowHub.Benchmarks.InMemory;

/// <summary>
/// Only our engine's script-task workload, in rounds for a fixed time: a steady process to attach a profiler to
/// (dotnet-trace collect -- dotnet WorkflowHub.Benchmarks.dll engine-profile).
/// </summary>
public static class EngineProfileLoop
{
    public static async Task RunAsync(TimeSpan duration)
    {
        Report.Heading($"engine-profile: WorkflowHub three script tasks, in-memory store, one caller, for {duration.TotalSeconds:F0} s");
        var total = Stopwatch.StartNew();
        var rounds = new List<TimeSpan>();
        while (total.Elapsed < duration)
        {
            var engine = new WorkflowEngine(new InMemoryEngineStore());
            await engine.DeployAsync(WorkflowHubThreeSteps.ScriptProcess);
            var round = Stopwatch.StartNew();
            for (var i = 0; i < ThreeStepWorkflowBenchmarks.InstancesPerRound; i++)
            {
                await engine.StartInstanceAsync(WorkflowHubThreeSteps.ScriptProcessKey);
            }

            rounds.Add(round.Elapsed / ThreeStepWorkflowBenchmarks.InstancesPerRound);
        }

        var stats = new Percentiles(rounds);
        Report.Line($"{rounds.Count} rounds of {ThreeStepWorkflowBenchmarks.InstancesPerRound}: median {1000 / stats.Median:F0} instances/s, best {1000 / stats.Min:F0} instances/s");
    }
}
