using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace WorkflowHub.Benchmarks;

/// <summary>
/// BenchmarkDotNet runs in this process (no generated project to build under the repository's strict build settings).
/// Reports go to the temp folder, not into the working tree.
/// </summary>
public static class BenchmarkConfigs
{
    /// <summary>
    /// For the engine comparison: every iteration is one round of whole instances on a fresh store (an iteration
    /// set-up), so one invocation per iteration, and a column with instances per second.
    /// </summary>
    public static IConfig InstanceRounds(bool quick) =>
        Create(Job(quick).WithInvocationCount(1).WithUnrollFactor(1))
            .AddColumn(new InstancesPerSecondColumn());

    /// <summary>For ordinary operations (the rule workloads): BenchmarkDotNet's pilot picks the invocation count.</summary>
    public static IConfig Operations(bool quick) => Create(Job(quick));

    private static Job Job(bool quick) => BenchmarkDotNet.Jobs.Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithLaunchCount(1)
        .WithWarmupCount(quick ? 2 : 5)
        .WithIterationCount(quick ? 5 : 20)
        .WithId(quick ? "Quick" : "Full");

    private static ManualConfig Create(Job job) => ManualConfig.Create(DefaultConfig.Instance)
        .AddJob(job)
        .AddColumn(StatisticColumn.Median, StatisticColumn.Min)
        .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "workflowhub-benchmarks"))
        .WithOptions(ConfigOptions.JoinSummary);
}
