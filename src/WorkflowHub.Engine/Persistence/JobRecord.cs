namespace WorkflowHub.Engine.Persistence;

/// <summary>
/// A job row: timers, external tasks and async continuations. Acquired by a job executor that sets
/// <see cref="LockOwner"/> and <see cref="LockExpiresAt"/>; a job with zero retries waits for an incident to be resolved.
/// </summary>
public sealed class JobRecord
{
    public Guid Id { get; set; }

    public JobKind Kind { get; set; }

    /// <summary>Null for timer start events, which belong to a definition rather than to an instance.</summary>
    public Guid? InstanceId { get; set; }

    /// <summary>The execution inside the instance document the job continues (0 when <see cref="InstanceId"/> is null).</summary>
    public int ExecutionId { get; set; }

    public string DefinitionId { get; set; } = "";

    public string DefinitionKey { get; set; } = "";

    /// <summary>The element the job belongs to (timer event, external task, async activity).</summary>
    public string ElementId { get; set; } = "";

    /// <summary>External task topic; null for other kinds.</summary>
    public string? Topic { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public string? LockOwner { get; set; }

    public DateTimeOffset? LockExpiresAt { get; set; }

    public int Retries { get; set; }

    public int Priority { get; set; }

    public bool Exclusive { get; set; } = true;

    /// <summary>Engine-owned detail, e.g. "before"/"after" for async continuations or the remaining repeats of a timer cycle.</summary>
    public string? Configuration { get; set; }

    public string? ErrorMessage { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public JobRecord Clone() => (JobRecord)MemberwiseClone();
}
