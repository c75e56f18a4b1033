namespace WorkflowHub.Rules.Policy;

/// <summary>Follow-up guidance for self-reported hazards.</summary>
public sealed class SelfReportedPolicy
{
    public required int GuidanceIfRectifiedWithinDays { get; init; }
}
