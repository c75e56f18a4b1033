namespace WorkflowHub.Campaign.Plan;

/// <summary>A numbered task of an area (一是, 二是 …) in the plan's words, with an English summary.</summary>
public sealed record PlanAreaTask
{
    public required int Number { get; init; }
    public required string TextZh { get; init; }
    public required string SummaryEn { get; init; }
}
