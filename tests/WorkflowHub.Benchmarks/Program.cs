using BenchmarkDotNet.Running;
using WorkflowHub.Benchmarks.Hosting;
using WorkflowHub.Benchmarks.Http;
using WorkflowHub.Benchmarks.InMemory;
using WorkflowHub.Benchmarks.Measurement;
using WorkflowHub.Benchmarks.MultiNode;
using WorkflowHub.Benchmarks.Rules;
using WorkflowHub.Benchmarks.Scale;
using WorkflowHub.Benchmarks.Sqlite;

namespace WorkflowHub.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/WorkflowHub.Benchmarks -- &lt;command&gt; [--quick] [--db-dir=FOLDER] [--seconds=N] [--rounds=N] [--server=FOLDER] [--keep=FILE] [--reuse=FILE];
/// see docs/performance.md. The server harnesses run a published server (default folder /tmp/workflowhub-server).
/// </summary>
public static class Program
{
    private const string Usage =
        "usage: dotnet run -c Release --project tests/WorkflowHub.Benchmarks -- <engine-vs-workflowcore|sqlite-completions|rules-sweep|rules-bdn|engine-profile|http-load|startup|data-scale|multinode|all> [--quick] [--db-dir=FOLDER] [--seconds=N] [--rounds=N] [--server=FOLDER] [--keep=FILE] [--reuse=FILE]";

    private const string DefaultServerFolder = "/tmp/workflowhub-server";

    public static async Task<int> Main(string[] args)
    {
        var quick = args.Contains("--quick", StringComparer.Ordinal);
        var databaseFolder = Option(args, "--db-dir=");
        var serverFolder = Option(args, "--server=") ?? DefaultServerFolder;
        var commands = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (commands.Count != 1)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        switch (commands[0])
        {
            case "engine-vs-workflowcore":
                RunEngineVsWorkflowCore(quick);
                return 0;
            case "sqlite-completions":
                await SqliteCompletionBenchmark.Create(quick, databaseFolder).RunAsync();
                return 0;
            case "rules-sweep":
                RuleSweepHarness.Create(quick).Run();
                return 0;
            case "engine-profile":
                await EngineProfileLoop.RunAsync(
                    TimeSpan.FromSeconds(int.TryParse(Option(args, "--seconds="), out var seconds) ? seconds : 20),
                    jintScripts: args.Contains("--jint-scripts", StringComparer.Ordinal),
                    fixedRounds: int.TryParse(Option(args, "--rounds="), out var rounds) ? rounds : null);
                return 0;
            case "http-load":
                await HttpLoadHarness.Create(serverFolder, quick).RunAsync();
                return 0;
            case "startup":
                await new StartupHarness(serverFolder, restarts: quick ? 3 : 5).RunAsync();
                return 0;
            case "data-scale":
                if (Option(args, "--reuse=") is { } kept)
                {
                    await DataScaleHarness.ReuseAsync(serverFolder, kept);
                }
                else
                {
                    await DataScaleHarness.Create(serverFolder, databaseFolder, quick).RunAsync(keepDatabaseAs: Option(args, "--keep="));
                }

                return 0;
            case "multinode":
                await MultiNodeHarness.Create(serverFolder, quick).RunAsync();
                return 0;
            case "rules-bdn":
                BenchmarkRunner.Run<RuleEvaluationBenchmarks>(BenchmarkConfigs.Operations(quick));
                return 0;
            case "all":
                RunEngineVsWorkflowCore(quick);
                await SqliteCompletionBenchmark.Create(quick, databaseFolder).RunAsync();
                RuleSweepHarness.Create(quick).Run();
                return 0;
            default:
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }

    /// <summary>BenchmarkDotNet does not print the machine's load, which decides how far the figures can be trusted here.</summary>
    private static void RunEngineVsWorkflowCore(bool quick)
    {
        Report.Heading("engine-vs-workflowcore: three-step workflow, WorkflowHub vs WorkflowCore 3.22, in memory");
        BenchmarkRunner.Run<ThreeStepWorkflowBenchmarks>(BenchmarkConfigs.InstanceRounds(quick));
        Report.Line($"finished: {MachineLoad.Describe()}");
    }

    private static string? Option(string[] args, string prefix) =>
        args.FirstOrDefault(a => a.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];
}
