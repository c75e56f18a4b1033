namespace WorkflowHub.Engine;

public sealed class JobExecutorOptions
{
    /// <summary>Identifies this node in job locks; unique per process by default.</summary>
    public string LockOwner { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Jobs acquired per round.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Longest wait between rounds when no job was due.</summary>
    public TimeSpan IdleDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Receives unexpected failures of a round (store unreachable...); the loop keeps running.</summary>
    public Action<Exception>? Error { get; set; }
}
