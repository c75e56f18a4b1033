namespace WorkflowHub.Engine.Model;

public sealed record MultiInstanceSettings(
    bool IsSequential,
    string? Collection,
    string? ElementVariable,
    string? LoopCardinality,
    string? CompletionCondition);
