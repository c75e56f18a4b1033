using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using WorkflowHub.Testing.Hosting;

namespace WorkflowHub.Testing.MultiNode;

/// <summary>
/// One server node: the server as its own process on a free port of 127.0.0.1, on the shared PostgreSQL database, with
/// demo accounts (password <see cref="Password"/>) and a fast job executor. Killing it is a SIGKILL: no shutdown code
/// runs, its open transactions die with its connections and its job locks stay until they expire.
/// </summary>
public sealed class ServerNode : IAsyncDisposable
{
    public const string Password = "Test#Nodes2026";

    private readonly ChildServer _server;

    private ServerNode(string name, ChildServer server)
    {
        Name = name;
        _server = server;
    }

    public string Name { get; }

    public int ProcessId => _server.ProcessId;

    /// <summary>An HTTP client signed in as <c>admin</c> on this node (set by <see cref="StartAsync"/>).</summary>
    public HttpClient Client { get; private set; } = null!;

    public bool HasExited => _server.HasExited;

    public string Output => _server.Output;

    /// <summary>
    /// Starts a node from the server build in <paramref name="serverFolder"/> (default: next to this assembly) and waits
    /// until it listens and its admin is signed in.
    /// </summary>
    public static async Task<ServerNode> StartAsync(string name, string connectionString, IReadOnlyDictionary<string, string>? settings = null, TimeSpan? timeout = null, string? serverFolder = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:WorkflowHub"] = connectionString,
            ["Demo:Enabled"] = "true",
            ["Demo:Password"] = Password,
            ["Demo:Hazards"] = "0",
            ["Decisions:SweepEnabled"] = "false",
            ["SignInRateLimit:PermitLimit"] = "100000",
            ["Engine:JobExecutor:PollInterval"] = "00:00:00.100",
            ["Engine:JobExecutor:LockDuration"] = "00:00:04",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var node = new ServerNode(name, ChildServer.Start(serverFolder ?? AppContext.BaseDirectory, environment));
        try
        {
            // A cap, not a wait: a node starts in seconds, but on a crowded machine every database round trip queues for a core.
            var address = await node._server.WaitUntilListeningAsync(timeout ?? TimeSpan.FromMinutes(5));
            node.Client = await SignInAsync(address);
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGSTOP: the process is frozen where it is (it can neither finish nor release anything) until <see cref="ResumeAsync"/>.</summary>
    public Task PauseAsync() => _server.SignalAsync("STOP");

    /// <summary>SIGCONT after <see cref="PauseAsync"/>.</summary>
    public Task ResumeAsync() => _server.SignalAsync("CONT");

    /// <summary>SIGKILL: the process ends at once, whatever it was doing.</summary>
    public Task KillAsync() => _server.KillAsync();

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await _server.DisposeAsync();
    }

    private static async Task<HttpClient> SignInAsync(Uri address)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = Password });
        response.EnsureSuccessStatusCode();
        using var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("accessToken").GetString());
        return client;
    }
}
