namespace WorkflowHub.Engine.Model;

public enum TimerKind
{
    Date,
    Duration,
    Cycle,
}
