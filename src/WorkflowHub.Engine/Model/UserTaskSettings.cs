namespace WorkflowHub.Engine.Model;

/// <summary>Camunda attributes of a user task; each value may be a literal or a ${...} expression.</summary>
public sealed record UserTaskSettings(
    string? Assignee,
    string? CandidateUsers,
    string? CandidateGroups,
    string? DueDate,
    string? FollowUpDate,
    string? Priority,
    string? FormKey);
