using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace WorkflowHub.Testing.Hosting;

/// <summary>
/// The real server as a child process, as an operator runs it: <c>dotnet exec WorkflowHub.Server.dll</c> from a build or
/// publish folder, in the Production environment, configured through environment variables (<c>Key:Sub</c> becomes
/// <c>Key__Sub</c>). Its console is drained into a <see cref="ServerConsole"/> (a full pipe would block the server).
/// Server tests, the crash tests, the multinode tests and the benchmark harnesses all launch the server through it.
/// </summary>
public sealed partial class ChildServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildServer(Process process, ServerConsole console)
    {
        _process = process;
        Console = console;
    }

    public ServerConsole Console { get; }

    /// <summary>Everything the server printed so far.</summary>
    public string Output => Console.Text;

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// CPU time the server process has used so far (user + system, all threads; utime + stime of /proc/PID/stat on
    /// Linux). Divided by the operations it served, it is robust against a busy machine; wall time is not.
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

    /// <param name="serverFolder">The folder holding WorkflowHub.Server.dll.</param>
    /// <param name="settings">Configuration keys (<c>Storage:DatabasePath</c>) and plain environment variables (<c>DOTNET_gcServer</c>).</param>
    /// <param name="console">Where the output goes; a new console when null.</param>
    public static ChildServer Start(string serverFolder, IReadOnlyDictionary<string, string> settings, ServerConsole? console = null)
    {
        var dll = Path.Combine(serverFolder, "WorkflowHub.Server.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"No server at {dll}. Build or publish it first (see docs/performance.md).", dll);
        }

        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = serverFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("exec");
        startInfo.ArgumentList.Add(dll);
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            startInfo.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var server = new ChildServer(process, console ?? new ServerConsole());
        process.OutputDataReceived += (_, e) => server.Record(e.Data);
        process.ErrorDataReceived += (_, e) => server.Record(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>
    /// The address from the host's "Now listening on" line, for a server started on port 0 (the line needs
    /// <c>Microsoft.Hosting.Lifetime</c> at Information, the default).
    /// </summary>
    public async Task<Uri> WaitUntilListeningAsync(TimeSpan timeout)
    {
        var first = await Task.WhenAny(_listening.Task, _process.WaitForExitAsync(), Task.Delay(timeout));
        return first == _listening.Task
            ? await _listening.Task
            : throw new TimeoutException($"The server did not start listening within {timeout}. Output:\n{Output}");
    }

    /// <summary>Asks <c>/health</c> until it answers 200: migrations and seeding are done and the server serves.</summary>
    public async Task WaitUntilHealthyAsync(Uri baseAddress, TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode} while starting. Output:\n{Console.Tail(60)}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy migrating and seeding to answer within the client's timeout.
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"The server was not healthy within {timeout}. Output:\n{Console.Tail(60)}");
    }

    /// <summary>Waits for the process to end by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    /// <summary>Sends a signal by name (<c>STOP</c>, <c>CONT</c>, <c>TERM</c>).</summary>
    public async Task SignalAsync(string signal)
    {
        var startInfo = new ProcessStartInfo("kill") { UseShellExecute = false };
        startInfo.ArgumentList.Add($"-{signal}");
        startInfo.ArgumentList.Add(ProcessId.ToString(CultureInfo.InvariantCulture));
        using var kill = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not run kill.");
        await kill.WaitForExitAsync();
    }

    /// <summary>SIGKILL: the process ends at once, whatever it was doing; no shutdown code runs.</summary>
    /// <returns>The exit code, or null when it had already ended.</returns>
    public async Task<int?> KillAsync()
    {
        if (_process.HasExited)
        {
            return null;
        }

        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    /// <summary>SIGTERM, so the host shuts down cleanly (the SQLite WAL is checkpointed); SIGKILL after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        await SignalAsync("TERM");
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        Console.Append(line);
        var match = ListeningPattern().Match(line);
        if (match.Success)
        {
            _listening.TrySetResult(new Uri(match.Groups["url"].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex ListeningPattern();
}
