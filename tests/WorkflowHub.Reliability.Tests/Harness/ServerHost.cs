using WorkflowHub.Testing.Hosting;

namespace WorkflowHub.Reliability.Tests.Harness;

/// <summary>
/// The real server as a child process on one SQLite file and one loopback port, which can be killed without warning
/// (SIGKILL) and started again on the same file and port.
/// </summary>
public sealed class ServerHost(string databasePath, IReadOnlyDictionary<string, string> settings) : IAsyncDisposable
{
    private readonly ServerConsole _console = new();
    private ChildServer? _server;

    public string DatabasePath { get; } = databasePath;

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{LoopbackPort.Free()}/");

    /// <summary>How often the server was started; each start after the first is a recovery.</summary>
    public int Starts { get; private set; }

    /// <summary>Everything every run of the server printed, with a line between runs.</summary>
    public string Output => _console.Text;

    /// <summary>Starts the server and waits until <c>/health</c> answers 200.</summary>
    public async Task StartAsync(TimeSpan timeout)
    {
        if (_server is { HasExited: false })
        {
            throw new InvalidOperationException("The server is already running.");
        }

        Starts++;
        _console.Append($"----- start {Starts} on {BaseAddress} -----");
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _server = ChildServer.Start(AppContext.BaseDirectory, new Dictionary<string, string>(settings)
        {
            ["Urls"] = BaseAddress.ToString().TrimEnd('/'),
            ["Storage:DatabasePath"] = DatabasePath,
        }, _console);
        await _server.WaitUntilHealthyAsync(BaseAddress, timeout);
    }

    /// <summary>SIGKILL to the server process: no shutdown hooks, no flushing, no graceful anything.</summary>
    public async Task KillAsync()
    {
        if (_server is not null && await _server.KillAsync() is { } exitCode)
        {
            _console.Append($"----- killed (exit code {exitCode}) -----");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
