namespace WorkflowHub.Engine.Persistence;

public enum UserTaskState
{
    Active = 0,
    Completed = 1,
    Cancelled = 2,
}
