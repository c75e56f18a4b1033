namespace WorkflowHub.Campaign.Hazards.Tallies;

/// <summary>
/// How many open hazards (not closed, with a deadline) of one area, district and responsible unit fall due in one span of
/// about five days (<see cref="HazardTallies.DueSpanOf"/>). "Overdue now" is then the spans wholly past plus the few
/// hazards of the current span whose deadline has passed, read from the hazards' (DueAt, State) index.
/// </summary>
public sealed class HazardDueTally : IHazardTally
{
    public required string AreaCode { get; set; }
    public required string DistrictCode { get; set; }
    public required string ResponsibleUnitCode { get; set; }
    public long DueSpan { get; set; }
    public int Count { get; set; }
}
