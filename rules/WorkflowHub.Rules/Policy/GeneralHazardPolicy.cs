namespace WorkflowHub.Rules.Policy;

/// <summary>The general-hazard ladder: reminder, supervision notice, interview and circular.</summary>
public sealed class GeneralHazardPolicy
{
    public required int ReminderAfterDaysOverdue { get; init; }

    public required int SupervisionAfterDaysOverdue { get; init; }

    public required int InterviewAfterDaysOverdue { get; init; }
}
