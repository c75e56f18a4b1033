namespace WorkflowHub.Engine.Persistence;

/// <summary>Thrown when a save is based on a stale version (another command changed the same row first).</summary>
public class ConcurrencyException : Exception
{
    public ConcurrencyException()
    {
    }

    public ConcurrencyException(string message)
        : base(message)
    {
    }

    public ConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
