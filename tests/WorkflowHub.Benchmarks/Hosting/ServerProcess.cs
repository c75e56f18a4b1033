using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace WorkflowHub.Benchmarks.Hosting;

/// <summary>
/// The real server as a child process (<c>dotnet WorkflowHub.Server.dll</c> from a publish folder) on a loopback port and
/// a SQLite file of the harness's own, so that load, memory and start-up are measured on what a city would run.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    public const string DemoPassword = "Bench#2026";

    private readonly Process _process;

    private ServerProcess(Process process, Uri baseAddress, TimeSpan timeToReady, TimeSpan cpuTimeAtReady)
    {
        _process = process;
        BaseAddress = baseAddress;
        TimeToReady = timeToReady;
        CpuTimeAtReady = cpuTimeAtReady;
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
    public int ProcessId => _process.Id;

    /// <summary>
    /// CPU time the server process has used so far (user + system, all threads, GC included; utime + stime of
    /// /proc/PID/stat on Linux). Divided by the operations it served, it is robust against a busy machine; wall time is not.
    /// </summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The resident set of the server process now (VmRSS on Linux).</summary>
    public long WorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <param name="serverFolder">The folder holding WorkflowHub.Server.dll (see docs/performance.md for the publish command).</param>
    /// <param name="settings">Configuration keys and values passed as <c>--Key=Value</c> arguments.</param>
    public static async Task<ServerProcess> StartAsync(string serverFolder, string databasePath, IReadOnlyDictionary<string, string> settings)
    {
        var dll = Path.Combine(serverFolder, "WorkflowHub.Server.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"No server at {dll}. Publish it first: dotnet publish src/WorkflowHub.Server -c Release -r linux-x64 -o {serverFolder}", dll);
        }

        var baseAddress = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = serverFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal)
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
            arguments[key] = value;
        }

        foreach (var (key, value) in arguments)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_gcServer"] = "0";

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = new ServerOutput(process);
        await WaitUntilHealthyAsync(process, baseAddress, output);
        var timeToReady = clock.Elapsed;
        process.Refresh();
        return new ServerProcess(process, baseAddress, timeToReady, process.TotalProcessorTime);
    }

    /// <summary>SIGTERM, so the host shuts down cleanly (the SQLite WAL is checkpointed); SIGKILL after 30 s.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private static async Task WaitUntilHealthyAsync(Process process, Uri baseAddress, ServerOutput output)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {process.ExitCode}:\n{output.Tail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer within the client's timeout.
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"The server was not healthy within 10 minutes:\n{output.Tail()}");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
