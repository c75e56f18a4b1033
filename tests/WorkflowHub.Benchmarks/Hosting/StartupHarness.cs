using WorkflowHub.Benchmarks.Measurement;

namespace WorkflowHub.Benchmarks.Hosting;

/// <summary>
/// Time from process start to the first healthy /health of the published server: once on a fresh database (migrations,
/// the plan, accounts, workflows), then several restarts on the same file, as an operator restarts it. Each start also
/// reports the server's CPU time at that moment, the figure to compare builds by on a machine others are loading.
/// Publish ReadyToRun, as the README says (<c>-r linux-x64</c>): without a runtime identifier every start JIT-compiles.
/// </summary>
public sealed class StartupHarness(string serverFolder, int restarts)
{
    public static readonly TimeSpan Goal = TimeSpan.FromSeconds(3);

    public async Task RunAsync()
    {
        Report.Heading($"startup: published server, fresh database then {restarts} restarts");
        var folder = Directory.CreateTempSubdirectory("workflowhub-startup-");
        try
        {
            var database = Path.Combine(folder.FullName, "workflowhub.db");
            var settings = new Dictionary<string, string> { ["Demo:Hazards"] = "0" };
            await using (var fresh = await ServerProcess.StartAsync(serverFolder, database, settings))
            {
                Report.Line($"fresh database: ready in {fresh.TimeToReady.TotalSeconds:F2} s, CPU {fresh.CpuTimeAtReady.TotalSeconds:F2} s, resident {fresh.WorkingSetBytes / 1048576.0:F0} MB");
            }

            var times = new List<TimeSpan>();
            for (var i = 0; i < restarts; i++)
            {
                await using var again = await ServerProcess.StartAsync(serverFolder, database, settings);
                times.Add(again.TimeToReady);
                Report.Line($"restart {i + 1}: ready in {again.TimeToReady.TotalSeconds:F2} s, CPU {again.CpuTimeAtReady.TotalSeconds:F2} s, resident {again.WorkingSetBytes / 1048576.0:F0} MB");
            }

            var median = new Percentiles(times).Median;
            Report.Goal($"start to ready under {Goal.TotalSeconds:F0} s (median restart {median / 1000:F2} s)", median < Goal.TotalMilliseconds);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
