namespace WorkflowHub.Engine;

/// <summary>The command cannot be applied in the current state (e.g. the instance is not active, or the process has no none start event).</summary>
public sealed class InvalidCommandException : WorkflowEngineException
{
    public InvalidCommandException()
    {
    }

    public InvalidCommandException(string message)
        : base(message)
    {
    }

    public InvalidCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
