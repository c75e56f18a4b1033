using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace WorkflowHub.Testing.MultiNode;

/// <summary>
/// One server node: <c>dotnet WorkflowHub.Server.dll</c> as its own process on a free port of 127.0.0.1, on the shared
/// PostgreSQL database, with demo accounts (password <see cref="Password"/>) and a fast job executor. Killing it is a
/// SIGKILL: no shutdown code runs, its open transactions die with its connections and its job locks stay until they expire.
/// </summary>
public sealed partial class ServerNode : IAsyncDisposable
{
    public const string Password = "Test#Nodes2026";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerNode(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int ProcessId => _process.Id;

    /// <summary>An HTTP client signed in as <c>admin</c> on this node (set by <see cref="StartAsync"/>).</summary>
    public HttpClient Client { get; private set; } = null!;

    public bool HasExited => _process.HasExited;

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

    /// <summary>
    /// Starts a node from the server build in <paramref name="serverFolder"/> (default: next to this assembly) and waits
    /// until it listens and its admin is signed in.
    /// </summary>
    public static async Task<ServerNode> StartAsync(string name, string connectionString, IReadOnlyDictionary<string, string>? settings = null, TimeSpan? timeout = null, string? serverFolder = null)
    {
        var folder = serverFolder ?? AppContext.BaseDirectory;
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("exec");
        startInfo.ArgumentList.Add(Path.Combine(folder, "WorkflowHub.Server.dll"));
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
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

        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var node = new ServerNode(name, process);
        process.OutputDataReceived += (_, e) => node.Record(e.Data);
        process.ErrorDataReceived += (_, e) => node.Record(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // A cap, not a wait: a node starts in seconds, but on a crowded machine every database round trip queues for a core.
            var address = await node.WaitUntilListeningAsync(timeout ?? TimeSpan.FromMinutes(5));
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
    public Task PauseAsync() => SignalAsync("-STOP");

    /// <summary>SIGCONT after <see cref="PauseAsync"/>.</summary>
    public Task ResumeAsync() => SignalAsync("-CONT");

    /// <summary>SIGKILL: the process ends at once, whatever it was doing.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    private async Task SignalAsync(string signal)
    {
        var startInfo = new ProcessStartInfo("kill") { UseShellExecute = false };
        startInfo.ArgumentList.Add(signal);
        startInfo.ArgumentList.Add(ProcessId.ToString(CultureInfo.InvariantCulture));
        using var kill = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not run kill.");
        await kill.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await KillAsync();
        _process.Dispose();
    }

    private async Task<Uri> WaitUntilListeningAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_listening.Task, exited, Task.Delay(timeout));
        if (first != _listening.Task)
        {
            throw new TimeoutException($"Node {Name} did not start listening within {timeout}. Output:\n{Output}");
        }

        return await _listening.Task;
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

        var match = ListeningPattern().Match(line);
        if (match.Success)
        {
            _listening.TrySetResult(new Uri(match.Groups["url"].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex ListeningPattern();
}
