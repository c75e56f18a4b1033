namespace WorkflowHub.Engine.Runtime.State;

/// <summary>One node of an instance's execution tree, serialized inside the instance document.</summary>
internal sealed class ExecutionState
{
    public int Id { get; set; }

    public int? ParentId { get; set; }

    public ExecutionKind Kind { get; set; }

    /// <summary>The flow node the execution is on (null for the root).</summary>
    public string? ElementId { get; set; }

    public WaitKind Wait { get; set; }

    /// <summary>The sequence flow the token arrived by (joins count distinct incoming flows).</summary>
    public string? ArrivedVia { get; set; }

    /// <summary>Local variables; only scopes and multi-instance instances have them.</summary>
    public Dictionary<string, object?>? Variables { get; set; }

    /// <summary>Jobs owned by this execution (boundary timers, catch timers, external tasks, async continuations, event sub-process timers).</summary>
    public List<OwnedItem>? Jobs { get; set; }

    /// <summary>Message subscriptions owned by this execution.</summary>
    public List<OwnedItem>? Subscriptions { get; set; }

    public Guid? TaskId { get; set; }

    public Guid? CalledInstanceId { get; set; }

    public Guid? IncidentId { get; set; }

    /// <summary>Sequential multi-instance: the collection still to be processed.</summary>
    public List<object?>? PendingItems { get; set; }

    /// <summary>Set when the execution leaves its instance's tree; a queued operation for it then does nothing. Not stored.</summary>
    public bool Removed { get; set; }

    public void AddJob(Guid id, string elementId) => (Jobs ??= []).Add(new OwnedItem(id, elementId));

    public void AddSubscription(Guid id, string elementId) => (Subscriptions ??= []).Add(new OwnedItem(id, elementId));
}
