namespace WorkflowHub.Campaign.Hazards.Tallies;

/// <summary>
/// How many hazards of one district and responsible unit were reported, and how many closed (销号), in one month of the
/// city's calendar (<see cref="Month"/> = year × 12 + month − 1, <see cref="HazardTallies.MonthOf"/>). Kept by the
/// same triggers as <see cref="HazardTally"/>; the dashboard's trends add these up instead of bucketing every hazard.
/// </summary>
public sealed class HazardMonthTally : IHazardTally
{
    public required string DistrictCode { get; set; }
    public required string ResponsibleUnitCode { get; set; }
    public int Month { get; set; }
    public int Reported { get; set; }
    public int Closed { get; set; }
}
