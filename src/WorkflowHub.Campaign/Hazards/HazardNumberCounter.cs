namespace WorkflowHub.Campaign.Hazards;

/// <summary>The last hazard number handed out in a year, so numbers are dense and never reused.</summary>
public sealed class HazardNumberCounter
{
    public int Year { get; set; }
    public int Last { get; set; }
}
