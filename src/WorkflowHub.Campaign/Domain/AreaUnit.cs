namespace WorkflowHub.Campaign.Domain;

/// <summary>Links an org unit to an area as its lead or co-responsible unit.</summary>
public sealed class AreaUnit
{
    public required string AreaCode { get; set; }
    public required string OrgUnitCode { get; set; }
    public AreaUnitRole Role { get; set; }

    /// <summary>Keeps the plan's order of units (the first lead unit is named first).</summary>
    public int Position { get; set; }
}
