namespace WorkflowHub.Engine.Persistence;

/// <summary>A failure that needs a person: a job out of retries, a failing expression or script, a gateway with no way out.</summary>
public sealed class IncidentRecord
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    public int ExecutionId { get; set; }

    public string DefinitionId { get; set; } = "";

    public string DefinitionKey { get; set; } = "";

    public string ElementId { get; set; } = "";

    /// <summary>Set when the incident is about a job (retries exhausted).</summary>
    public Guid? JobId { get; set; }

    /// <summary>"failedJob", "expression", "script", "noOutgoingFlow", "unhandledError", "callActivity".</summary>
    public string Type { get; set; } = "";

    public string Message { get; set; } = "";

    public IncidentState State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public IncidentRecord Clone() => (IncidentRecord)MemberwiseClone();
}
