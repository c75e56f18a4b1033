namespace WorkflowHub.Engine.Model;

/// <summary>
/// One flow node of a parsed process. Built by the parser, immutable afterwards. Kind-specific settings are null
/// for kinds they do not apply to.
/// </summary>
public sealed class FlowNode
{
    private readonly List<SequenceFlow> _incoming = [];
    private readonly List<SequenceFlow> _outgoing = [];
    private readonly List<FlowNode> _boundaryEvents = [];

    public required string Id { get; init; }

    public string? Name { get; init; }

    public required NodeKind Kind { get; init; }

    /// <summary>The BPMN local element name, e.g. "userTask".</summary>
    public required string ElementType { get; init; }

    /// <summary>The scope that contains this node (the process or a sub-process).</summary>
    public FlowScope ParentScope { get; internal set; } = null!;

    public IReadOnlyList<SequenceFlow> Incoming => _incoming;

    public IReadOnlyList<SequenceFlow> Outgoing => _outgoing;

    public string? DefaultFlowId { get; init; }

    public EventDefinition? Event { get; init; }

    /// <summary>For boundary events: the id of the activity it is attached to.</summary>
    public string? AttachedToId { get; init; }

    public FlowNode? AttachedTo { get; internal set; }

    /// <summary>Boundary events: cancelActivity; event sub-process start events: isInterrupting.</summary>
    public bool Interrupting { get; init; } = true;

    public IReadOnlyList<FlowNode> BoundaryEvents => _boundaryEvents;

    /// <summary>The inner scope of a sub-process or event sub-process.</summary>
    public FlowScope? Scope { get; internal set; }

    public UserTaskSettings? UserTask { get; init; }

    public ScriptSettings? Script { get; init; }

    public BusinessRuleSettings? BusinessRule { get; init; }

    public ExternalTaskSettings? External { get; init; }

    public CallActivitySettings? Call { get; init; }

    public MultiInstanceSettings? MultiInstance { get; init; }

    public AsyncSettings Async { get; init; } = AsyncSettings.None;

    /// <summary>camunda:initiator on a start event: the variable that receives the starting user's id.</summary>
    public string? Initiator { get; init; }

    /// <summary>camunda:resultVariable on script and business rule tasks is in their settings; this is for documentation only.</summary>
    public string? Documentation { get; init; }

    public SequenceFlow? DefaultFlow => DefaultFlowId is null ? null : _outgoing.Find(f => f.Id == DefaultFlowId);

    public bool IsActivity => Kind is NodeKind.UserTask or NodeKind.ServiceTask or NodeKind.SendTask or NodeKind.BusinessRuleTask
        or NodeKind.ScriptTask or NodeKind.ReceiveTask or NodeKind.SubProcess or NodeKind.CallActivity;

    public bool IsGateway => Kind is NodeKind.ExclusiveGateway or NodeKind.ParallelGateway or NodeKind.InclusiveGateway or NodeKind.EventBasedGateway;

    internal void AddIncoming(SequenceFlow flow) => _incoming.Add(flow);

    internal void AddOutgoing(SequenceFlow flow) => _outgoing.Add(flow);

    internal void AddBoundaryEvent(FlowNode boundary) => _boundaryEvents.Add(boundary);

    public override string ToString() => $"{ElementType} '{Id}'";
}
