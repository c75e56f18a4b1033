namespace WorkflowHub.Rules.Policy;

/// <summary>The major-hazard ladder after listed supervision.</summary>
public sealed class MajorHazardPolicy
{
    public required int InterviewAfterDaysOverdue { get; init; }

    public required int UnresolvedDaysForAccountability { get; init; }
}
