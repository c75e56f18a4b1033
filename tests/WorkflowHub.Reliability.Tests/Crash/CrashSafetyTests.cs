using System.Diagnostics;
using WorkflowHub.Reliability.Tests.Harness;
using WorkflowHub.Reliability.Tests.Invariants;
using WorkflowHub.Testing.Hosting;
using Xunit.Abstractions;

namespace WorkflowHub.Reliability.Tests.Crash;

/// <summary>
/// Crash safety: the real server process does concurrent work on one SQLite file and is killed with SIGKILL at random
/// moments, restarted on the same file each time; afterwards the file must hold every acknowledged command and keep
/// every invariant of <see cref="InvariantChecker"/>. The seed (WH_CRASH_SEED to repeat a run) and each kill are logged.
/// </summary>
[Collection(CrashSafetyCollection.Name)]
public sealed class CrashSafetyTests(ITestOutputHelper output) : IDisposable
{
    private const string Password = "Crash#Test2026";
    private const int Kills = 5;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LockDuration = TimeSpan.FromSeconds(2);

    // Seconds on an idle machine; generous, since a machine busy with parallel builds starts the server far slower.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    // A job locked by a killed process waits out its lock, then the next poll takes it; the rest is a loaded machine's slack.
    private static readonly TimeSpan TimerMargin = LockDuration + PollInterval + TimeSpan.FromSeconds(3);

    private readonly string _folder = TempFolders.Create();

    [Fact]
    public async Task Acknowledged_work_survives_repeated_SIGKILLs_and_the_database_keeps_its_invariants()
    {
        var seed = Environment.GetEnvironmentVariable("WH_CRASH_SEED") is { Length: > 0 } configured
            ? int.Parse(configured, System.Globalization.CultureInfo.InvariantCulture)
            : Random.Shared.Next(1, 1_000_000);
        output.WriteLine($"seed {seed} (set WH_CRASH_SEED={seed} to repeat the kill schedule)");
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();

        await using var host = new ServerHost(Path.Combine(_folder, "workflowhub.db"), ServerSettings());
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        await host.StartAsync(StartTimeout);
        output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1}s first start done");

        var workload = new CrashWorkload(host, client, Password, seed);
        await workload.DeployProbeAsync();
        using var stop = new CancellationTokenSource();
        var work = workload.RunAsync(stop.Token);

        var killsSurvived = 0;
        var rewound = 0;
        for (var kill = 1; kill <= Kills; kill++)
        {
            // Kill in the middle of work: once this run has acknowledged a few new commands, at a random moment after.
            var progress = await WaitForProgressAsync(workload.Acknowledged, atLeast: 3, TimeSpan.FromSeconds(20));
            var delay = TimeSpan.FromMilliseconds(random.Next(0, 2_500));
            await Task.Delay(delay);
            await host.KillAsync();
            output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1}s kill {kill}, {delay.TotalMilliseconds} ms after {progress} new acknowledgements ({workload.Acknowledged.Count} in all)");
            if (ListenerWindow.RewindOneGradedHazard(host.DatabasePath, random) is { } hazard)
            {
                rewound++;
                output.WriteLine($"        hazard {hazard} rewound to before its grading listener ran");
            }

            var restart = Stopwatch.StartNew();
            await host.StartAsync(StartTimeout);
            killsSurvived++;
            output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1}s restarted in {restart.ElapsedMilliseconds} ms");
        }

        // Work on after the last recovery, then let every timer still running come due and fire before the final kill.
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await work;
        await Task.Delay(TimerMargin + TimeSpan.FromSeconds(3));
        var stoppedAt = DateTimeOffset.UtcNow;
        await host.KillAsync();
        output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1}s final kill; {killsSurvived} kills survived, {rewound} hazards rewound into the listener window");
        output.WriteLine($"acknowledged: {workload.Acknowledged.ReportedHazards.Count} hazards reported, {workload.Acknowledged.StartedInstances.Count} probes started, "
            + $"{workload.Acknowledged.ClaimedTasks.Count} tasks claimed, {workload.Acknowledged.CompletedTasks.Count} completed");
        output.WriteLine("outcomes:" + Environment.NewLine + workload.DescribeOutcomes());

        var snapshot = DatabaseSnapshot.Read(host.DatabasePath);
        var timersFired = snapshot.History.Count(h => h.Type == Stored.HistoryTimerFired);
        output.WriteLine($"database: {snapshot.Instances.Count} instances ({snapshot.Instances.Values.Count(i => i.State == Stored.InstanceCompleted)} completed), "
            + $"{snapshot.Tasks.Count} tasks ({snapshot.Tasks.Values.Count(t => t.State == Stored.TaskCompleted)} completed), {timersFired} timers fired");
        var violations = new InvariantChecker(TimerMargin).Check(snapshot, workload.Acknowledged, stoppedAt);
        output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1}s checked: {violations.Count} violations");
        foreach (var violation in violations)
        {
            output.WriteLine(violation.ToString());
        }

        Assert.Equal(Kills, killsSurvived);
        Assert.True(workload.Acknowledged.ReportedHazards.Count > 0 && workload.Acknowledged.CompletedTasks.Count > 0,
            "The workload acknowledged too little work to prove anything:" + Environment.NewLine + workload.DescribeOutcomes());
        Assert.True(timersFired > 0, "No timer fired while the server ran.");
        Assert.True(violations.Count == 0, $"seed {seed}: {violations.Count} invariant violations:{Environment.NewLine}{string.Join(Environment.NewLine, violations.Take(40))}"
            + $"{Environment.NewLine}Server output (tail):{Environment.NewLine}{Tail(host.Output, 60)}");
    }

    private static Dictionary<string, string> ServerSettings() => new()
    {
        ["Demo:Enabled"] = "true",
        ["Demo:Password"] = Password,
        ["Demo:Hazards"] = "0",
        ["Decisions:SweepEnabled"] = "false",
        ["Engine:JobExecutor:PollInterval"] = PollInterval.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        ["Engine:JobExecutor:LockDuration"] = LockDuration.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
    };

    /// <summary>Waits until the workload has acknowledged <paramref name="atLeast"/> more commands (or the timeout passed); returns how many more.</summary>
    private static async Task<int> WaitForProgressAsync(AcknowledgedWork acknowledged, int atLeast, TimeSpan timeout)
    {
        var before = acknowledged.Count;
        var waited = Stopwatch.StartNew();
        while (acknowledged.Count - before < atLeast && waited.Elapsed < timeout)
        {
            await Task.Delay(50);
        }

        return acknowledged.Count - before;
    }

    private static string Tail(string text, int lines) =>
        string.Join(Environment.NewLine, text.Split('\n').TakeLast(lines));

    public void Dispose() => TempFolders.Delete(_folder);
}
