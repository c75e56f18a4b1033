namespace WorkflowHub.Engine.Scripting;

/// <summary>An expression or script failed (syntax, runtime error, timeout or a sandbox limit). Becomes an incident.</summary>
public sealed class ScriptFailedException : Exception
{
    public ScriptFailedException()
    {
    }

    public ScriptFailedException(string message)
        : base(message)
    {
    }

    public ScriptFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
