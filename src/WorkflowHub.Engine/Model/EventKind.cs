namespace WorkflowHub.Engine.Model;

/// <summary>The event definition of an event (none when it has no event definition).</summary>
public enum EventKind
{
    None,
    Message,
    Timer,
    Error,
    Terminate,

    /// <summary>Signal, escalation, compensation, conditional, link, cancel, multiple: parsed, refused for execution.</summary>
    Unsupported,
}
