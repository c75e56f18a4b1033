namespace WorkflowHub.Campaign.Plan;

/// <summary>One of the four phases (阶段) with the dates the plan gives it.</summary>
public sealed record PlanPhase
{
    public required string Code { get; init; }
    public required int Order { get; init; }
    public required string NameZh { get; init; }
    public required string NameEn { get; init; }
    public required DateOnly Start { get; init; }
    public required DateOnly End { get; init; }

    /// <summary>The plan's own words for the phase's dates.</summary>
    public string? SourceZh { get; init; }
}
