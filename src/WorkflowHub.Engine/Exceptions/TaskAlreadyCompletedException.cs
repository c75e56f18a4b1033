namespace WorkflowHub.Engine;

/// <summary>The user task was already completed or cancelled (HTTP 409).</summary>
public sealed class TaskAlreadyCompletedException : WorkflowEngineException
{
    public TaskAlreadyCompletedException()
    {
    }

    public TaskAlreadyCompletedException(string message)
        : base(message)
    {
    }

    public TaskAlreadyCompletedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
