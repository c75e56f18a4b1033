namespace WorkflowHub.Engine;

/// <summary>Base of the engine's typed failures (other than validation and concurrency).</summary>
public class WorkflowEngineException : Exception
{
    public WorkflowEngineException()
    {
    }

    public WorkflowEngineException(string message)
        : base(message)
    {
    }

    public WorkflowEngineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
