using System.Diagnostics;

namespace WorkflowHub.Benchmarks.Measurement;

/// <summary>
/// CPU time this process used (all threads, GC included). On a shared, overloaded machine wall time mostly measures
/// the queue for a core; CPU time per operation says what the work itself costs.
/// </summary>
public static class ProcessCpu
{
    public static TimeSpan Used()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
