namespace WorkflowHub.Campaign.Hazards;

/// <summary>Where the hazard stands in its rectification loop.</summary>
public enum HazardState
{
    Reported,
    Grading,
    Planning,
    Rectifying,
    AwaitingAcceptance,
    Closed,
}
