namespace WorkflowHub.Engine.Parsing;

/// <summary>The XML could not be read at all (malformed, hostile, too large or too deep).</summary>
public sealed class BpmnParseException : Exception
{
    public BpmnParseException()
    {
    }

    public BpmnParseException(string message)
        : base(message)
    {
    }

    public BpmnParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
