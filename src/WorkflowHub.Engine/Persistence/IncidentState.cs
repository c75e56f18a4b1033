namespace WorkflowHub.Engine.Persistence;

public enum IncidentState
{
    Open = 0,
    Resolved = 1,
}
