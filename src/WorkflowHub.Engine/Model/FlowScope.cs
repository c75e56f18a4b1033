namespace WorkflowHub.Engine.Model;

/// <summary>The nodes directly inside a process or a sub-process.</summary>
public sealed class FlowScope
{
    private readonly List<FlowNode> _nodes = [];

    /// <summary>The sub-process that owns this scope, or null for the process itself.</summary>
    public FlowNode? Owner { get; internal set; }

    public FlowScope? Parent => Owner?.ParentScope;

    public IReadOnlyList<FlowNode> Nodes => _nodes;

    /// <summary>Start events that are not inside an event sub-process.</summary>
    public IEnumerable<FlowNode> StartEvents => _nodes.Where(n => n.Kind == NodeKind.StartEvent);

    public FlowNode? NoneStartEvent => _nodes.Find(n => n.Kind == NodeKind.StartEvent && (n.Event is null || n.Event.Kind == EventKind.None));

    public IEnumerable<FlowNode> EventSubProcesses => _nodes.Where(n => n.Kind == NodeKind.EventSubProcess);

    /// <summary>Whether a node of this scope is an event sub-process: every scope entered asks, and most have none.</summary>
    public bool HasEventSubProcesses { get; private set; }

    internal void Add(FlowNode node)
    {
        _nodes.Add(node);
        HasEventSubProcesses |= node.Kind == NodeKind.EventSubProcess;
    }
}
