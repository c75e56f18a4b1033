using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace WorkflowHub.Reliability.Tests.Harness;

/// <summary>
/// The real server as a child process (<c>dotnet exec WorkflowHub.Server.dll</c>) on one SQLite file and one loopback
/// port, which can be killed without warning (SIGKILL) and started again on the same file and port.
/// </summary>
public sealed class ServerHost : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly StringBuilder _output = new();
    private Process? _process;

    public ServerHost(string databasePath, IReadOnlyDictionary<string, string> settings)
    {
        DatabasePath = databasePath;
        _settings = settings;
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
    }

    public string DatabasePath { get; }

    public Uri BaseAddress { get; private set; }

    /// <summary>How often the server was started; each start after the first is a recovery.</summary>
    public int Starts { get; private set; }

    /// <summary>Everything every run of the server printed, with a line between runs.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the server and waits until <c>/health</c> answers 200.</summary>
    public async Task StartAsync(TimeSpan timeout)
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("The server is already running.");
        }

        Starts++;
        Record($"----- start {Starts} on {BaseAddress} -----");
        _process?.Dispose();
        _process = Launch();
        await WaitUntilHealthyAsync(timeout);
    }

    /// <summary>SIGKILL to the server process alone: no shutdown hooks, no flushing, no graceful anything.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        process.Kill(entireProcessTree: false);
        await process.WaitForExitAsync();
        Record($"----- killed (exit code {process.ExitCode}) -----");
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }

    private Process Launch()
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("exec");
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "WorkflowHub.Server.dll"));
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Production";
        startInfo.Environment["Urls"] = BaseAddress.ToString().TrimEnd('/');
        startInfo.Environment["Storage__DatabasePath"] = DatabasePath;
        foreach (var (key, value) in _settings)
        {
            startInfo.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode} while starting. Output:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(BaseAddress, "health"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but still migrating or seeding.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The server was not healthy within {timeout}. Output:\n{Output}");
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>A port nobody listens on now; the server keeps it across restarts.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
