namespace WorkflowHub.Engine.Model;

public sealed class SequenceFlow
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public required string SourceId { get; init; }

    public required string TargetId { get; init; }

    /// <summary>The raw condition text (e.g. "${grade == 'major'}"), or null for an unconditional flow.</summary>
    public string? Condition { get; init; }

    public FlowNode Source { get; internal set; } = null!;

    public FlowNode Target { get; internal set; } = null!;
}
