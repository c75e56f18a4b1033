using System.Diagnostics;
using WorkflowHub.Testing.Hosting;

namespace WorkflowHub.Benchmarks.Hosting;

/// <summary>
/// The real server as a child process from a publish folder, on a loopback port and a SQLite file of the harness's own,
/// so that load, memory and start-up are measured on what a city would run.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    public const string DemoPassword = "Bench#2026";

    private readonly ChildServer _server;

    private ServerProcess(ChildServer server, Uri baseAddress, TimeSpan timeToReady)
    {
        _server = server;
        BaseAddress = baseAddress;
        TimeToReady = timeToReady;
        CpuTimeAtReady = server.ProcessorTime;
    }

    public Uri BaseAddress { get; }

    /// <summary>From process start to the first 200 from /health (start-up steps included).</summary>
    public TimeSpan TimeToReady { get; }

    /// <summary>
    /// The CPU time (user + system) the server had used when it first answered /health: unlike
    /// <see cref="TimeToReady"/>, it hardly depends on what else the machine is running.
    /// </summary>
    public TimeSpan CpuTimeAtReady { get; }

    /// <summary>The server's process id (to attach dotnet-trace or dotnet-counters while a harness runs).</summary>
    public int ProcessId => _server.ProcessId;

    /// <inheritdoc cref="ChildServer.ProcessorTime"/>
    public TimeSpan ProcessorTime => _server.ProcessorTime;

    /// <inheritdoc cref="ChildServer.WorkingSetBytes"/>
    public long WorkingSetBytes => _server.WorkingSetBytes;

    /// <param name="serverFolder">The folder holding WorkflowHub.Server.dll (see docs/performance.md for the publish command).</param>
    /// <param name="settings">Configuration keys and values, over the harness defaults (demo accounts, warnings only).</param>
    public static async Task<ServerProcess> StartAsync(string serverFolder, string databasePath, IReadOnlyDictionary<string, string> settings)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Urls"] = baseAddress.ToString().TrimEnd('/'),
            ["Storage:DatabasePath"] = databasePath,
            ["Storage:EvidencePath"] = Path.Combine(Path.GetDirectoryName(databasePath)!, "evidence"),
            ["Demo:Enabled"] = "true",
            ["Demo:Password"] = DemoPassword,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        var server = ChildServer.Start(serverFolder, environment);
        try
        {
            await server.WaitUntilHealthyAsync(baseAddress, TimeSpan.FromMinutes(10));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return new ServerProcess(server, baseAddress, clock.Elapsed);
    }

    /// <summary>SIGTERM, so the host shuts down cleanly (the SQLite WAL is checkpointed); SIGKILL after 30 s.</summary>
    public Task StopAsync() => _server.StopAsync(TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _server.DisposeAsync();
    }
}
