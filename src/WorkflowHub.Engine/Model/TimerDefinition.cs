namespace WorkflowHub.Engine.Model;

/// <summary>timeDate / timeDuration / timeCycle; <see cref="Expression"/> is the raw text (ISO 8601 or ${...}).</summary>
public sealed record TimerDefinition(TimerKind Kind, string Expression);
