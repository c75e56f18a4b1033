using WorkflowHub.Engine.Model;
using WorkflowHub.Engine.Runtime.State;

namespace WorkflowHub.Engine.Runtime.Behaviors;

/// <summary>Exclusive, parallel and inclusive gateways (event-based gateways wait in the event part).</summary>
internal sealed partial class ProcessRunner
{
    private void ExclusiveGateway(InstanceContext instance, ExecutionState execution, FlowNode node)
    {
        SequenceFlow? chosen = null;
        foreach (var flow in node.Outgoing)
        {
            if (flow != node.DefaultFlow && (flow.Condition is null || EvaluateCondition(instance, execution, flow.Condition)))
            {
                chosen = flow;
                break;
            }
        }

        chosen ??= node.DefaultFlow;
        if (chosen is null)
        {
            RaiseIncident(instance, execution, node, "noOutgoingFlow", $"No condition of the exclusive gateway '{node.Id}' held and it has no default flow.");
            return;
        }

        CompleteNode(instance, node);
        TakeFlows(instance, execution, [chosen]);
    }

    private void ParallelGateway(InstanceContext instance, ExecutionState execution, FlowNode node)
    {
        if (node.Incoming.Count > 1)
        {
            execution.Wait = WaitKind.Join;
            var parent = instance.Parent(execution)!;
            var waiting = instance.Children(parent).Where(e => e.ElementId == node.Id && e.Wait == WaitKind.Join).ToList();
            var consumed = new List<ExecutionState>();
            foreach (var incoming in node.Incoming)
            {
                var arrived = waiting.Find(e => e.ArrivedVia == incoming.Id && !consumed.Contains(e));
                if (arrived is null)
                {
                    return;
                }

                consumed.Add(arrived);
            }

            var survivor = consumed.Contains(execution) ? execution : consumed[0];
            foreach (var other in consumed.Where(e => e != survivor))
            {
                instance.Remove(other);
            }

            survivor.Wait = WaitKind.None;
            execution = survivor;
        }

        CompleteNode(instance, node);
        TakeFlows(instance, execution, node.Outgoing);
    }

    private void InclusiveGateway(InstanceContext instance, ExecutionState execution, FlowNode node)
    {
        if (node.Incoming.Count > 1)
        {
            execution.Wait = WaitKind.Join;
            TryFireInclusiveJoin(instance, instance.Parent(execution)!, node);
            return;
        }

        InclusiveFork(instance, execution, node);
    }

    private void InclusiveFork(InstanceContext instance, ExecutionState execution, FlowNode node)
    {
        var chosen = node.Outgoing.Where(f => f != node.DefaultFlow && (f.Condition is null || EvaluateCondition(instance, execution, f.Condition))).ToList();
        if (chosen.Count == 0 && node.DefaultFlow is { } defaultFlow)
        {
            chosen.Add(defaultFlow);
        }

        if (chosen.Count == 0)
        {
            RaiseIncident(instance, execution, node, "noOutgoingFlow", $"No condition of the inclusive gateway '{node.Id}' held and it has no default flow.");
            return;
        }

        CompleteNode(instance, node);
        TakeFlows(instance, execution, chosen);
    }

    /// <summary>An inclusive join fires when no other token of the scope can still reach it.</summary>
    private bool TryFireInclusiveJoin(InstanceContext instance, ExecutionState scope, FlowNode node)
    {
        var children = instance.Children(scope);
        var waiting = children.Where(e => e.ElementId == node.Id && e.Wait == WaitKind.Join).ToList();
        if (waiting.Count == 0)
        {
            return false;
        }

        foreach (var other in children)
        {
            if (other.ElementId is not null && other.ElementId != node.Id && instance.Definition.CanReach(other.ElementId, node.Id))
            {
                return false;
            }
        }

        var survivor = waiting[0];
        foreach (var other in waiting.Skip(1))
        {
            instance.Remove(other);
        }

        survivor.Wait = WaitKind.None;
        try
        {
            InclusiveFork(instance, survivor, node);
        }
        catch (Exception ex) when (ex is Scripting.ScriptFailedException or FormatException)
        {
            RaiseIncident(instance, survivor, node, "expression", ex.Message);
        }

        return true;
    }

    /// <summary>After the agenda drains: fire inclusive joins that tokens ending elsewhere have released.</summary>
    private bool ReleaseInclusiveJoins()
    {
        // Nearly every command has nothing waiting at an inclusive join: then nothing to copy or query.
        List<InstanceContext>? waiting = null;
        foreach (var instance in C.Instances)
        {
            if (HasInclusiveJoinWaiting(instance))
            {
                (waiting ??= []).Add(instance);
            }
        }

        if (waiting is null)
        {
            return false;
        }

        var fired = false;
        foreach (var instance in waiting)
        {
            var joins = instance.Document.Executions
                .Where(e => e.Wait == WaitKind.Join && e.ElementId is not null && instance.Node(e).Kind == NodeKind.InclusiveGateway)
                .Select(e => (Scope: instance.Parent(e)!, Node: instance.Node(e)))
                .DistinctBy(j => (j.Scope.Id, j.Node.Id))
                .ToList();
            foreach (var (scope, node) in joins)
            {
                fired |= TryFireInclusiveJoin(instance, scope, node);
            }
        }

        return fired;
    }

    private static bool HasInclusiveJoinWaiting(InstanceContext instance)
    {
        foreach (var e in instance.Document.Executions)
        {
            if (e.Wait == WaitKind.Join && e.ElementId is not null && instance.Node(e).Kind == NodeKind.InclusiveGateway)
            {
                return true;
            }
        }

        return false;
    }
}
