using System.Collections.Concurrent;
using WorkflowHub.Engine.Model;
using WorkflowHub.Engine.Scripting;

namespace WorkflowHub.Engine.Runtime;

/// <summary>A deployed definition ready to run: the parsed graph, its compiled expressions and reachability answers.</summary>
internal sealed class ProcessDefinition(string id, string key, int version, ProcessModel model, ScriptCompiler? compiler = null)
{
    private readonly ConcurrentDictionary<(string From, string To), bool> _reach = new();

    public string Id { get; } = id;

    public string Key { get; } = key;

    public int Version { get; } = version;

    public ProcessModel Model { get; } = model;

    public ScriptCompiler Compiler { get; } = compiler ?? new();

    /// <summary>Whether a token on <paramref name="from"/> can still arrive at <paramref name="to"/> in the same scope.</summary>
    public bool CanReach(string from, string to) => _reach.GetOrAdd((from, to), static (k, model) => Search(model, k.From, k.To), Model);

    private static bool Search(ProcessModel model, string from, string to)
    {
        if (!model.Nodes.TryGetValue(from, out var start))
        {
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<FlowNode>();
        pending.Push(start);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (!seen.Add(node.Id))
            {
                continue;
            }

            foreach (var flow in node.Outgoing)
            {
                if (flow.Target.Id == to)
                {
                    return true;
                }

                pending.Push(flow.Target);
            }

            foreach (var boundary in node.BoundaryEvents)
            {
                pending.Push(boundary);
            }
        }

        return false;
    }
}
