namespace WorkflowHub.Campaign.Hazards.Changes;

/// <summary>What happened to a hazard that the escalation rules may have to answer at once.</summary>
public enum HazardChangeKind
{
    Graded,
    Rectified,
    AcceptancePassed,
    AcceptanceRejected,
    ListedForSupervision,
    Closed,
    LinkedToAccident,
}
