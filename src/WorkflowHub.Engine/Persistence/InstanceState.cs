namespace WorkflowHub.Engine.Persistence;

public enum InstanceState
{
    Active = 0,
    Completed = 1,
    Terminated = 2,
    Cancelled = 3,
}
