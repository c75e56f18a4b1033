namespace WorkflowHub.Engine;

/// <summary>No process instance has that id.</summary>
public sealed class InstanceNotFoundException : NotFoundException
{
    public InstanceNotFoundException()
    {
    }

    public InstanceNotFoundException(string message)
        : base(message)
    {
    }

    public InstanceNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
