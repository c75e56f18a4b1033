namespace WorkflowHub.Campaign.Features.Tasks;

/// <summary>Inbox order: <c>created</c> (oldest first, the default), <c>due</c> (earliest due first, overdue on top) or <c>priority</c>.</summary>
public enum TaskSortOrder
{
    Created,
    Due,
    Priority,
}
