namespace WorkflowHub.Engine;

/// <summary>No deployed definition matches the key, version or id.</summary>
public sealed class DefinitionNotFoundException : NotFoundException
{
    public DefinitionNotFoundException()
    {
    }

    public DefinitionNotFoundException(string message)
        : base(message)
    {
    }

    public DefinitionNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
