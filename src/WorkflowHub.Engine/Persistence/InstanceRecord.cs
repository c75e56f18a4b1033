namespace WorkflowHub.Engine.Persistence;

/// <summary>
/// A process instance: the queryable columns plus <see cref="Document"/>, the execution tree and variables serialized as JSON.
/// Loaded and saved once per command; <see cref="Version"/> is the optimistic concurrency token.
/// </summary>
public sealed class InstanceRecord
{
    public Guid Id { get; set; }

    public string DefinitionId { get; set; } = "";

    public string DefinitionKey { get; set; } = "";

    public int DefinitionVersion { get; set; }

    public string? BusinessKey { get; set; }

    public InstanceState State { get; set; }

    /// <summary>Set when the instance was started by a call activity.</summary>
    public Guid? ParentInstanceId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public string? StartedBy { get; set; }

    /// <summary>Incremented by every save; a save whose expected version is stale throws <see cref="ConcurrencyException"/>.</summary>
    public long Version { get; set; }

    /// <summary>Engine-owned JSON (execution tree, variables, counters). Opaque to stores.</summary>
    public string Document { get; set; } = "";

    public InstanceRecord Clone() => (InstanceRecord)MemberwiseClone();
}
