namespace WorkflowHub.Engine.Model;

/// <summary>The executable flow node kinds of the dialect (DESIGN.md §3).</summary>
public enum NodeKind
{
    StartEvent,
    EndEvent,
    IntermediateCatchEvent,
    IntermediateThrowEvent,
    BoundaryEvent,
    UserTask,
    ServiceTask,
    SendTask,
    BusinessRuleTask,
    ScriptTask,
    ReceiveTask,
    ExclusiveGateway,
    ParallelGateway,
    InclusiveGateway,
    EventBasedGateway,
    SubProcess,
    EventSubProcess,
    CallActivity,

    /// <summary>An element the dialect does not execute (kept so non-executable processes still parse).</summary>
    Unsupported,
}
