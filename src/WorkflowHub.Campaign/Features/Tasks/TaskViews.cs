using WorkflowHub.Campaign.Workflows.Forms;
using WorkflowHub.Engine.Persistence;

namespace WorkflowHub.Campaign.Features.Tasks;

/// <summary>A user task in an inbox.</summary>
public sealed record TaskSummary(
    Guid Id, Guid InstanceId, string DefinitionKey, string? BusinessKey, string ElementId, string? Name,
    string? Assignee, DateTimeOffset? Due, DateTimeOffset? FollowUp, int Priority, string? FormKey, string? FormName,
    UserTaskState State, DateTimeOffset CreatedAt, bool Overdue)
{
    public static TaskSummary From(UserTaskRecord task, DateTimeOffset now) => new(
        task.Id, task.InstanceId, task.DefinitionKey, task.BusinessKey, task.ElementId, task.Name,
        task.Assignee, task.DueDate, task.FollowUpDate, task.Priority, task.FormKey, FormKeys.FormFileName(task.FormKey),
        task.State, task.CreatedAt, task.State == UserTaskState.Active && task.DueDate < now);
}

/// <summary>Who a task is offered to.</summary>
public sealed record TaskCandidatesView(IReadOnlyList<string> Users, IReadOnlyList<string> Groups);

/// <summary>A task with its candidates and the variables of its instance (what the task form shows).</summary>
public sealed record TaskDetails(
    Guid Id, Guid InstanceId, string DefinitionId, string DefinitionKey, string? BusinessKey, string ElementId, string? Name,
    string? Assignee, TaskCandidatesView Candidates, DateTimeOffset? Due, DateTimeOffset? FollowUp, int Priority,
    string? FormKey, string? FormName, UserTaskState State, DateTimeOffset CreatedAt, DateTimeOffset? ClaimedAt,
    DateTimeOffset? CompletedAt, string? CompletedBy, bool Overdue, bool CanWork, IReadOnlyDictionary<string, object?> Variables)
{
    public static TaskDetails From(UserTaskRecord task, IReadOnlyDictionary<string, object?> variables, bool canWork, DateTimeOffset now) => new(
        task.Id, task.InstanceId, task.DefinitionId, task.DefinitionKey, task.BusinessKey, task.ElementId, task.Name,
        task.Assignee, new TaskCandidatesView(task.CandidateUsers, task.CandidateGroups), task.DueDate, task.FollowUpDate, task.Priority,
        task.FormKey, FormKeys.FormFileName(task.FormKey), task.State, task.CreatedAt, task.ClaimedAt,
        task.CompletedAt, task.CompletedBy, task.State == UserTaskState.Active && task.DueDate < now, canWork, variables);
}
