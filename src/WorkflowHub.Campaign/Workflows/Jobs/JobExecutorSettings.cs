namespace WorkflowHub.Campaign.Workflows.Jobs;

/// <summary>Configuration section <c>Engine:JobExecutor</c>: the background loop that fires timers and runs external tasks.</summary>
public sealed class JobExecutorSettings
{
    public const string SectionName = "Engine:JobExecutor";

    /// <summary>Off in tests that drive jobs themselves through <see cref="Engine.IWorkflowEngine.ExecuteDueJobsAsync"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Longest wait between rounds when no job was due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long this node owns an acquired job before another node may take it over.</summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Jobs acquired per round.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Identifies this node in job locks: machine, process and a fresh guid, so two processes never share an owner.</summary>
    public static string NewLockOwner() => $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
}
