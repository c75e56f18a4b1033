namespace WorkflowHub.Engine;

/// <summary>What an external task handler gets: the task's identity and a snapshot of the variables it can see.</summary>
public sealed record ExternalTaskContext(
    Guid JobId,
    string Topic,
    Guid InstanceId,
    string? BusinessKey,
    string DefinitionKey,
    string ElementId,
    int RetriesLeft,
    IReadOnlyDictionary<string, object?> Variables);
