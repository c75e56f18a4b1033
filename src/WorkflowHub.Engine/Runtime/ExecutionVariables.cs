using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Runtime.State;
using WorkflowHub.Engine.Scripting;

namespace WorkflowHub.Engine.Runtime;

/// <summary>
/// Variables as seen from one execution: its own locals, then each enclosing scope up to the instance. A write goes
/// to the nearest scope that already has the variable, otherwise to the instance (Camunda's setVariable). With a
/// <paramref name="command"/>, every write is recorded as a history row of that command (null: read-only use).
/// </summary>
internal sealed class ExecutionVariables(InstanceContext instance, ExecutionState execution, CommandContext? command) : IVariableAccess
{
    public string? BusinessKey => instance.Record.BusinessKey;

    /// <summary>Whether this is the view from <paramref name="other"/> of <paramref name="owner"/>.</summary>
    internal bool Views(InstanceContext owner, ExecutionState other) => ReferenceEquals(owner, instance) && ReferenceEquals(other, execution);

    public Guid InstanceId => instance.Id;

    private static readonly Dictionary<string, object?> None = new(StringComparer.Ordinal);

    /// <summary>
    /// For reading during this call only (the script evaluator): usually only one scope (the instance) has
    /// variables, and then its own map is the answer instead of a merged copy.
    /// </summary>
    internal IReadOnlyDictionary<string, object?> VisibleView()
    {
        Dictionary<string, object?>? single = null;
        var scopes = 0;
        for (var e = execution; e is not null; e = instance.Parent(e))
        {
            if (e.Variables is { Count: > 0 } vars)
            {
                single = vars;
                scopes++;
            }
        }

        return scopes <= 1 ? single ?? None : Visible();
    }

    public IReadOnlyDictionary<string, object?> Visible()
    {
        var chain = new List<ExecutionState>();
        for (var e = execution; e is not null; e = instance.Parent(e))
        {
            chain.Add(e);
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            if (chain[i].Variables is { } vars)
            {
                foreach (var (k, v) in vars)
                {
                    result[k] = v;
                }
            }
        }

        return result;
    }

    public bool TryGet(string name, out object? value)
    {
        for (var e = execution; e is not null; e = instance.Parent(e))
        {
            if (e.Variables is { } vars && vars.TryGetValue(name, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }

    public void Set(string name, object? value)
    {
        for (var e = execution; e is not null; e = instance.Parent(e))
        {
            if (e.Variables is { } vars && vars.ContainsKey(name))
            {
                vars[name] = value;
                Record(name, value);
                return;
            }
        }

        var root = instance.Root;
        (root.Variables ??= new Dictionary<string, object?>(StringComparer.Ordinal))[name] = value;
        Record(name, value);
    }

    public void SetLocal(string name, object? value)
    {
        (execution.Variables ??= new Dictionary<string, object?>(StringComparer.Ordinal))[name] = value;
        Record(name, value);
    }

    private void Record(string name, object? value) =>
        command?.History(instance, HistoryEventType.VariableSet, execution.ElementId, data: VariableWriteData.For(name, value));
}
