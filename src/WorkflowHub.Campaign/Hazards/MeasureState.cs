namespace WorkflowHub.Campaign.Hazards;

/// <summary>Progress of an institutional measure.</summary>
public enum MeasureState
{
    Planned,
    InProgress,
    Done,
}
