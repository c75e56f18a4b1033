namespace WorkflowHub.Engine.Runtime.State;

/// <summary>The engine-owned part of an instance: the execution tree with its variables and a few counters.</summary>
internal sealed class InstanceDocument
{
    public int NextExecutionId { get; set; } = 1;

    public long NextHistorySequence { get; set; } = 1;

    /// <summary>Set on instances started by a call activity: the waiting execution in the parent.</summary>
    public int? ParentExecutionId { get; set; }

    public List<ExecutionState> Executions { get; set; } = [];

    /// <summary>Elements completed at least once, for diagram highlighting without reading history.</summary>
    public CompletedElementSet CompletedElements { get; set; } = new();
}
