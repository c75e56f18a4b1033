namespace WorkflowHub.Rules.Policy;

/// <summary>Thresholds for user tasks left in an inbox.</summary>
public sealed class TaskPolicy
{
    public required int ReminderAfterDaysOverdue { get; init; }
}
