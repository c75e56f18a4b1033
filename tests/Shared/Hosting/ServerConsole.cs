using System.Collections.Concurrent;

namespace WorkflowHub.Testing.Hosting;

/// <summary>
/// What a child server printed on stdout and stderr, for failure messages and assertions. One console may outlive several
/// runs of the same server (a crash test restarts it), so it belongs to the caller, not to the process. The oldest lines
/// are dropped beyond <see cref="KeptLines"/> so a long benchmark cannot grow it without bound.
/// </summary>
public sealed class ServerConsole
{
    public const int KeptLines = 5_000;

    private readonly ConcurrentQueue<string> _lines = new();

    public string Text => string.Join(Environment.NewLine, _lines);

    public string Tail(int lines) => string.Join(Environment.NewLine, _lines.TakeLast(lines));

    public void Append(string line)
    {
        _lines.Enqueue(line);
        while (_lines.Count > KeptLines && _lines.TryDequeue(out _))
        {
        }
    }
}
