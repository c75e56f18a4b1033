namespace WorkflowHub.Campaign.Hazards.Tallies;

/// <summary>A row of counts kept for the hazards of one district and responsible unit, the two columns visibility filters on.</summary>
public interface IHazardTally
{
    string DistrictCode { get; }

    string ResponsibleUnitCode { get; }
}
