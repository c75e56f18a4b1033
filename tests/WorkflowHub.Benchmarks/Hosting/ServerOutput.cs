using System.Collections.Concurrent;
using System.Diagnostics;

namespace WorkflowHub.Benchmarks.Hosting;

/// <summary>Drains the child's stdout and stderr (a full pipe would block it) and keeps the last lines for error messages.</summary>
public sealed class ServerOutput
{
    private const int KeptLines = 40;
    private readonly ConcurrentQueue<string> _lines = new();

    public ServerOutput(Process process)
    {
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Tail() => string.Join('\n', _lines);

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        while (_lines.Count > KeptLines && _lines.TryDequeue(out _))
        {
        }
    }
}
