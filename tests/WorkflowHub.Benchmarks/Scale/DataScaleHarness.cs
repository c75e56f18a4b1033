using System.Diagnostics;
using WorkflowHub.Benchmarks.Hosting;
using WorkflowHub.Benchmarks.Measurement;

namespace WorkflowHub.Benchmarks.Scale;

/// <summary>
/// A city with a million hazards and their history in SQLite: the server makes a demo city (every stage of the loop),
/// <see cref="HazardCloner"/> multiplies it, then the real server answers the inbox, the registry and the campaign
/// overview over HTTP while the figures are taken. Timers and the sweep are off so only the queries are measured.
/// </summary>
public sealed class DataScaleHarness(string serverFolder, string? databaseFolder, int demoHazards, int factor)
{
    private const int Requests = 200;
    public const double GoalInboxP95Milliseconds = 20;
    public const double GoalOverviewMilliseconds = 200;

    public static DataScaleHarness Create(string serverFolder, string? databaseFolder, bool quick) => quick
        ? new(serverFolder, databaseFolder, demoHazards: 500, factor: 200)
        : new(serverFolder, databaseFolder, demoHazards: 1_000, factor: 1_000);

    /// <param name="keepDatabaseAs">Where to move the large database after the run, to study query plans on it.</param>
    public async Task RunAsync(string? keepDatabaseAs = null)
    {
        Report.Heading($"data-scale: {demoHazards * factor:N0} hazards with their loops in SQLite, queried through HTTP");
        var folder = databaseFolder is null
            ? Directory.CreateTempSubdirectory("workflowhub-scale-")
            : Directory.CreateDirectory(Path.Combine(databaseFolder, $"workflowhub-scale-{Guid.NewGuid():N}"));
        try
        {
            var database = Path.Combine(folder.FullName, "workflowhub.db");
            var clock = Stopwatch.StartNew();
            await using (var seeding = await ServerProcess.StartAsync(serverFolder, database, new Dictionary<string, string> { ["Demo:Hazards"] = $"{demoHazards}" }))
            {
                Report.Line($"demo city of {demoHazards} hazards made by the server in {seeding.TimeToReady.TotalSeconds:F1} s");
            }

            clock.Restart();
            var hazards = await HazardCloner.MultiplyAsync(database, factor, _ => { });
            Report.Line($"multiplied to {hazards:N0} hazards in {clock.Elapsed.TotalSeconds:F0} s ({MachineLoad.Describe()})");
            await MeasureOnAsync(serverFolder, database);

            if (keepDatabaseAs is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                File.Move(database, keepDatabaseAs, overwrite: true);
                if (File.Exists(database + "-wal"))
                {
                    File.Move(database + "-wal", keepDatabaseAs + "-wal", overwrite: true);
                }

                Report.Line($"database kept as {keepDatabaseAs}; re-measure with data-scale --reuse={keepDatabaseAs}");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Takes the figures again on a database kept by an earlier run, without building it: a minute or two instead of an
    /// hour. The server applies its pending migrations (new indexes) to the file first, so the file changes.
    /// </summary>
    public static async Task ReuseAsync(string serverFolder, string database)
    {
        Report.Heading($"data-scale on the kept database {database}, queried through HTTP");
        if (!File.Exists(database))
        {
            throw new FileNotFoundException("No such database; make one with data-scale --keep=FILE.", database);
        }

        await MeasureOnAsync(serverFolder, database);
    }

    private static async Task MeasureOnAsync(string serverFolder, string database)
    {
        await using (var server = await ServerProcess.StartAsync(serverFolder, database, new Dictionary<string, string>
        {
            ["Demo:Hazards"] = "0",
            ["Engine:JobExecutor:Enabled"] = "false",
            ["Decisions:SweepEnabled"] = "false",
        }))
        {
            Report.Line($"server ready on the large database in {server.TimeToReady.TotalSeconds:F2} s, resident {server.WorkingSetBytes / 1048576.0:F0} MB");
            await MeasureAsync(server);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await DatabaseSize.ReportAsync(database);
    }

    private static async Task MeasureAsync(ServerProcess server)
    {
        using var officer = await SignInAsync(server, "fire-officer");
        using var district = await SignInAsync(server, "district-officer");
        using var admin = await SignInAsync(server, "admin");

        var inbox = await TimeAsync(officer, "/api/tasks?take=20", Requests);
        var overdueFirst = await TimeAsync(officer, "/api/tasks?take=20&sort=due", Requests);
        var districtInbox = await TimeAsync(district, "/api/tasks?take=20&sort=due", Requests);
        var registry = await TimeAsync(admin, "/api/hazards?take=20&overdue=true", Requests / 4);
        var overview = await TimeAsync(admin, "/api/campaign/overview", 20);
        Report.Line(MachineLoad.Describe());
        Report.Line($"inbox, department officer, newest first: {inbox}");
        Report.Line($"inbox, department officer, due first: {overdueFirst}");
        Report.Line($"inbox, district officer, due first: {districtInbox}");
        Report.Line($"registry, overdue hazards: {registry}");
        Report.Line($"campaign overview: {overview}");
        var worstInbox = new[] { inbox, overdueFirst, districtInbox }.Max(p => p.At(95));
        Report.Goal($"inbox query p95 under {GoalInboxP95Milliseconds:F0} ms (worst {worstInbox:F1} ms)", worstInbox < GoalInboxP95Milliseconds);
        Report.Goal($"campaign overview under {GoalOverviewMilliseconds:F0} ms (p95 {overview.At(95):F0} ms)", overview.At(95) < GoalOverviewMilliseconds);
    }

    /// <summary>
    /// Right after start-up on a large file the server may still be refreshing the planner statistics (ANALYZE holds
    /// the write lock), and a sign-in, which writes, can fail with 500: retried, and reported, since users would see it.
    /// </summary>
    private static async Task<HttpClient> SignInAsync(ServerProcess server, string userName)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ServerClient.SignInAsync(server.BaseAddress, userName);
            }
            catch (InvalidOperationException e) when (attempt < 10)
            {
                Report.Line($"sign-in as {userName} failed (attempt {attempt}), retrying in 10 s: {e.Message[..Math.Min(120, e.Message.Length)]}");
                await Task.Delay(TimeSpan.FromSeconds(10));
            }
        }
    }

    private static async Task<Percentiles> TimeAsync(HttpClient http, string uri, int requests)
    {
        await http.GetJsonAsync(uri);
        var samples = new List<TimeSpan>(requests);
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await http.GetJsonAsync(uri);
            samples.Add(Stopwatch.GetElapsedTime(started));
        }

        return new Percentiles(samples);
    }
}
