using WorkflowHub.Engine.Persistence;

namespace WorkflowHub.Engine;

/// <summary>An instance as the API shows it: state, instance variables, where its tokens are and where they have been.</summary>
public sealed record InstanceView(
    Guid Id,
    string DefinitionId,
    string DefinitionKey,
    int DefinitionVersion,
    string? BusinessKey,
    InstanceState State,
    Guid? ParentInstanceId,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string? StartedBy,
    IReadOnlyDictionary<string, object?> Variables,
    IReadOnlyList<string> ActiveElementIds,
    IReadOnlyList<string> CompletedElementIds,
    IReadOnlyList<IncidentRecord> Incidents);
