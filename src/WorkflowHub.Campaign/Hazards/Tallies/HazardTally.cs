namespace WorkflowHub.Campaign.Hazards.Tallies;

/// <summary>
/// How many hazards share area, district, responsible unit, state and grade. Kept by database triggers on the hazards
/// table, in the transaction of every insert, update and delete, so the campaign overview and the registry's counts read
/// a few hundred of these rows instead of grouping every hazard. A row may hold 0 once its last hazard moved on.
/// </summary>
public sealed class HazardTally : IHazardTally
{
    public required string AreaCode { get; set; }
    public required string DistrictCode { get; set; }
    public required string ResponsibleUnitCode { get; set; }
    public HazardState State { get; set; }
    public HazardGrade Grade { get; set; }
    public int Count { get; set; }
}
