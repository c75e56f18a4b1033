using WorkflowHub.Engine.Model;
using WorkflowHub.Engine.Runtime.State;

namespace WorkflowHub.Engine.Runtime;

/// <summary>
/// The queue of small operations a command runs until empty. Operations enqueue their follow-ups instead of calling
/// them, so a chain of 10,000 elements runs in constant stack depth.
/// </summary>
internal sealed class Agenda
{
    // A token moving along a path keeps one or two operations queued at a time.
    private readonly Queue<AgendaOperation> _operations = new(2);

    public void Enqueue(Func<Task> operation) => _operations.Enqueue(new AgendaOperation(operation, null, null, null));

    public void Enqueue(Action operation) => _operations.Enqueue(new AgendaOperation(() =>
    {
        operation();
        return Task.CompletedTask;
    }, null, null, null));

    /// <summary>
    /// "Execute <paramref name="node"/> on <paramref name="execution"/>", the operation every element of every path
    /// takes: queued as plain data rather than a closure and a delegate per element.
    /// </summary>
    public void EnqueueExecute(InstanceContext instance, ExecutionState execution, FlowNode node) =>
        _operations.Enqueue(new AgendaOperation(null, instance, execution, node));

    public bool TryDequeue(out AgendaOperation operation) => _operations.TryDequeue(out operation);
}

/// <summary>An agenda entry: either a callback, or (when <see cref="Callback"/> is null) the execution of a node.</summary>
internal readonly record struct AgendaOperation(Func<Task>? Callback, InstanceContext? Instance, ExecutionState? Execution, FlowNode? Node);
