namespace WorkflowHub.Engine;

/// <summary>No user task has that id.</summary>
public sealed class TaskNotFoundException : NotFoundException
{
    public TaskNotFoundException()
    {
    }

    public TaskNotFoundException(string message)
        : base(message)
    {
    }

    public TaskNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
