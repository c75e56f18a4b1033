namespace WorkflowHub.Engine.Persistence;

public enum JobKind
{
    /// <summary>A timer of an intermediate catch event, boundary event, event sub-process start or timer start event.</summary>
    Timer = 0,

    /// <summary>A service/send task with camunda:type="external", run by the handler registered for <see cref="JobRecord.Topic"/>.</summary>
    ExternalTask = 1,

    /// <summary>camunda:asyncBefore / asyncAfter: the continuation runs as its own command.</summary>
    AsyncContinuation = 2,
}
