namespace WorkflowHub.Engine;

public sealed record BusinessRuleContext(
    string DecisionRef,
    Guid InstanceId,
    string? BusinessKey,
    string DefinitionKey,
    string ElementId,
    string? UserId,
    IReadOnlyDictionary<string, object?> Variables);
