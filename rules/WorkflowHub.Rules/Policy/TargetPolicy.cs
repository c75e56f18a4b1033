namespace WorkflowHub.Rules.Policy;

/// <summary>Target progress checks.</summary>
public sealed class TargetPolicy
{
    public required decimal BehindToleranceRatio { get; init; }

    public required int MissedAgainAfterDays { get; init; }
}
