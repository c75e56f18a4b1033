namespace WorkflowHub.Rules.Policy;

/// <summary>Referral of a repeatedly interviewed department to discipline inspection.</summary>
public sealed class DepartmentPolicy
{
    public required int InterviewsForReferral { get; init; }

    public required int InterviewWindowDays { get; init; }
}
