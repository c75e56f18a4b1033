using WorkflowHub.Testing.Hosting;

namespace WorkflowHub.Server.Tests.Infrastructure;

/// <summary>
/// The server built next to these tests as its own process on 127.0.0.1 with a free port, for what only a real process
/// shows: its exit code, its console and how fast it serves.
/// </summary>
public static class ServerProcess
{
    public static ChildServer Start(string databasePath, IReadOnlyDictionary<string, string> settings) =>
        ChildServer.Start(AppContext.BaseDirectory, new Dictionary<string, string>(settings)
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Storage:DatabasePath"] = databasePath,
        });
}
