using WorkflowHub.Engine.Model;
using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Runtime.State;

namespace WorkflowHub.Engine.Runtime;

/// <summary>One instance loaded into a command: its row, its document and an index of its executions.</summary>
internal sealed class InstanceContext
{
    /// <summary>Trees up to this size are searched in place; larger ones get an index by id, kept from then on.</summary>
    private const int IndexThreshold = 16;

    private Dictionary<int, ExecutionState>? _byId;
    private ExecutionState? _root;

    public InstanceContext(InstanceRecord record, InstanceDocument document, ProcessDefinition definition, bool isNew)
    {
        Record = record;
        Document = document;
        Definition = definition;
        IsNew = isNew;
        LoadedVersion = record.Version;
    }

    /// <summary>The index by id, once the tree has outgrown a linear search (most trees hold a root and a token or two).</summary>
    private Dictionary<int, ExecutionState>? Index()
    {
        if (_byId is null && Document.Executions.Count > IndexThreshold)
        {
            _byId = new Dictionary<int, ExecutionState>(Document.Executions.Count * 2);
            foreach (var execution in Document.Executions)
            {
                _byId[execution.Id] = execution;
            }
        }

        return _byId;
    }

    public InstanceRecord Record { get; }

    public InstanceDocument Document { get; }

    public ProcessDefinition Definition { get; }

    public bool IsNew { get; }

    public long LoadedVersion { get; }

    /// <summary>The history rows this command wrote for the instance (null until the first), handed to the store at commit.</summary>
    public InstanceHistory? HistoryRows { get; private set; }

    public void AddHistory(in HistoryRow row) => (HistoryRows ??= new InstanceHistory(Id)).Add(in row);

    public Guid Id => Record.Id;

    /// <summary>The instance scope, found once: it is created with the instance and never removed.</summary>
    public ExecutionState Root => _root ??= Document.Executions.Find(static e => e.Kind == ExecutionKind.Root)
        ?? throw new InvalidOperationException($"Instance {Id} has no root execution.");

    public FlowNode Node(ExecutionState execution) => Definition.Model.GetNode(execution.ElementId!);

    public ExecutionState? Find(int id)
    {
        if (Index() is { } index)
        {
            return index.GetValueOrDefault(id);
        }

        // As the index would answer: the last execution stored under the id.
        var executions = Document.Executions;
        for (var i = executions.Count - 1; i >= 0; i--)
        {
            if (executions[i].Id == id)
            {
                return executions[i];
            }
        }

        return null;
    }

    /// <summary>Whether the execution is still in the tree (every removal goes through <see cref="Remove"/>, which marks it).</summary>
    public bool IsAlive(ExecutionState execution) => !execution.Removed;

    public ExecutionState? Parent(ExecutionState execution) => execution.ParentId switch
    {
        null => null,

        // Most executions are tokens directly under the instance scope.
        { } p when _root is { } root && root.Id == p => root,
        { } p => Find(p),
    };

    public List<ExecutionState> Children(ExecutionState execution)
    {
        var result = new List<ExecutionState>();
        foreach (var e in Document.Executions)
        {
            if (e.ParentId == execution.Id)
            {
                result.Add(e);
            }
        }

        return result;
    }

    public bool HasChildren(ExecutionState execution)
    {
        foreach (var e in Document.Executions)
        {
            if (e.ParentId == execution.Id)
            {
                return true;
            }
        }

        return false;
    }

    public ExecutionState NewExecution(ExecutionState? parent, ExecutionKind kind, string? elementId)
    {
        var execution = new ExecutionState { Id = Document.NextExecutionId++, ParentId = parent?.Id, Kind = kind, ElementId = elementId };
        Document.Executions.Add(execution);
        if (_byId is not null)
        {
            _byId[execution.Id] = execution;
        }

        return execution;
    }

    public void Remove(ExecutionState execution)
    {
        execution.Removed = true;
        Document.Executions.Remove(execution);
        _byId?.Remove(execution.Id);
    }

    /// <summary>Whether the execution is one instance of a multi-instance activity (its parent is the body on the same node).</summary>
    public bool IsMultiInstanceInner(ExecutionState execution) =>
        Parent(execution) is { Kind: ExecutionKind.MultiInstanceBody } body && body.ElementId == execution.ElementId;

    /// <summary>The model scope an execution opens: the process for the root, the inner scope for sub-processes.</summary>
    public FlowScope? ScopeModel(ExecutionState execution) => execution.Kind switch
    {
        ExecutionKind.Root => Definition.Model.RootScope,
        ExecutionKind.SubProcess or ExecutionKind.EventSubProcess => Node(execution).Scope,
        _ => null,
    };
}
