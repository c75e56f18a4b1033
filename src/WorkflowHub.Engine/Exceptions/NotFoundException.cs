namespace WorkflowHub.Engine;

/// <summary>Something the command refers to does not exist (HTTP 404).</summary>
public class NotFoundException : WorkflowEngineException
{
    public NotFoundException()
    {
    }

    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
