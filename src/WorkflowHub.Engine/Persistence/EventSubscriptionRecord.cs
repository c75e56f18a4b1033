namespace WorkflowHub.Engine.Persistence;

/// <summary>
/// A message subscription: an instance waiting for a message (receive task, catch event, boundary, event gateway,
/// event sub-process start) or, with <see cref="InstanceId"/> null, a message start event of the latest definition version.
/// </summary>
public sealed class EventSubscriptionRecord
{
    public Guid Id { get; set; }

    public string MessageName { get; set; } = "";

    public Guid? InstanceId { get; set; }

    public int ExecutionId { get; set; }

    public string DefinitionId { get; set; } = "";

    public string DefinitionKey { get; set; } = "";

    /// <summary>The catching element (event, receive task or event sub-process start event).</summary>
    public string ElementId { get; set; } = "";

    /// <summary>Copied from the instance so correlation by business key is one indexed lookup.</summary>
    public string? BusinessKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public EventSubscriptionRecord Clone() => (EventSubscriptionRecord)MemberwiseClone();
}
