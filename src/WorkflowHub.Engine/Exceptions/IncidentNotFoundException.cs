namespace WorkflowHub.Engine;

/// <summary>No open incident has that id.</summary>
public sealed class IncidentNotFoundException : NotFoundException
{
    public IncidentNotFoundException()
    {
    }

    public IncidentNotFoundException(string message)
        : base(message)
    {
    }

    public IncidentNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
