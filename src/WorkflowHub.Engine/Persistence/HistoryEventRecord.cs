namespace WorkflowHub.Engine.Persistence;

/// <summary>An append-only history row. <see cref="Sequence"/> orders the events of one instance.</summary>
public sealed class HistoryEventRecord
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    /// <summary>Per-instance, strictly increasing.</summary>
    public long Sequence { get; set; }

    public string DefinitionId { get; set; } = "";

    public HistoryEventType Type { get; set; }

    public string? ElementId { get; set; }

    /// <summary>The BPMN local name of the element, e.g. "userTask".</summary>
    public string? ElementType { get; set; }

    public Guid? TaskId { get; set; }

    public string? UserId { get; set; }

    public DateTimeOffset Timestamp { get; set; }

    /// <summary>Free-form JSON detail: variable name/value, message name, error code, decision result...</summary>
    public string? Data { get; set; }
}
