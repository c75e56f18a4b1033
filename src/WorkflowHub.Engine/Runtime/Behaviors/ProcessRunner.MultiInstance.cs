using System.Globalization;
using WorkflowHub.Engine.Model;
using WorkflowHub.Engine.Runtime.State;

namespace WorkflowHub.Engine.Runtime.Behaviors;

/// <summary>
/// Multi-instance: the token becomes the body (a scope holding nrOfInstances, nrOfActiveInstances,
/// nrOfCompletedInstances); each instance is a child on the same node with loopCounter and the element variable.
/// </summary>
internal sealed partial class ProcessRunner
{
    private void StartMultiInstance(InstanceContext instance, ExecutionState execution, FlowNode node)
    {
        var settings = node.MultiInstance!;
        List<object?> items;
        if (settings.Collection is { } collectionText)
        {
            var value = Scripting.ExpressionText.ContainsExpression(collectionText)
                ? EvaluateText(instance, execution, collectionText)
                : Variables(instance, execution).TryGet(collectionText, out var v) ? v : throw new FormatException($"The collection variable '{collectionText}' does not exist.");
            items = value as List<object?> ?? throw new FormatException($"The multi-instance collection of '{node.Id}' is not a list.");
        }
        else
        {
            var cardinality = Convert.ToInt64(EvaluateText(instance, execution, settings.LoopCardinality!), CultureInfo.InvariantCulture);
            items = Enumerable.Repeat<object?>(null, (int)Math.Clamp(cardinality, 0, 10_000)).ToList();
        }

        execution.Kind = ExecutionKind.MultiInstanceBody;
        execution.Wait = WaitKind.Children;
        SubscribeBoundaryEvents(instance, execution, node);
        execution.Variables = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["nrOfInstances"] = (long)items.Count,
            ["nrOfActiveInstances"] = 0L,
            ["nrOfCompletedInstances"] = 0L,
        };
        if (items.Count == 0)
        {
            C.Agenda.Enqueue(() => Leave(instance, execution, node));
            return;
        }

        if (settings.IsSequential)
        {
            execution.PendingItems = items.Skip(1).ToList();
            StartInnerInstance(instance, execution, node, 0, items[0]);
        }
        else
        {
            for (var i = 0; i < items.Count; i++)
            {
                StartInnerInstance(instance, execution, node, i, items[i]);
            }
        }
    }

    private void StartInnerInstance(InstanceContext instance, ExecutionState body, FlowNode node, int loopCounter, object? item)
    {
        var inner = instance.NewExecution(body, ExecutionKind.Token, node.Id);
        inner.Variables = new Dictionary<string, object?>(StringComparer.Ordinal) { ["loopCounter"] = (long)loopCounter };
        if (node.MultiInstance!.ElementVariable is { Length: > 0 } elementVariable)
        {
            inner.Variables[elementVariable] = item;
        }

        body.Variables!["nrOfActiveInstances"] = (long)body.Variables["nrOfActiveInstances"]! + 1;
        C.Agenda.EnqueueExecute(instance, inner, node);
    }

    private async Task CompleteMultiInstanceInnerAsync(InstanceContext instance, ExecutionState body, ExecutionState inner, FlowNode node)
    {
        if (!instance.IsAlive(body))
        {
            return;
        }

        var vars = body.Variables!;
        vars["nrOfActiveInstances"] = (long)vars["nrOfActiveInstances"]! - 1;
        vars["nrOfCompletedInstances"] = (long)vars["nrOfCompletedInstances"]! + 1;
        bool done;
        try
        {
            done = node.MultiInstance!.CompletionCondition is { } condition && EvaluateCondition(instance, inner, condition);
        }
        catch (Exception ex) when (ex is Scripting.ScriptFailedException or FormatException)
        {
            RaiseIncident(instance, inner, node, "expression", ex.Message);
            return;
        }

        instance.Remove(inner);
        if (done)
        {
            foreach (var child in instance.Children(body))
            {
                await CancelAsync(instance, child);
            }
        }
        else if (body.PendingItems is { Count: > 0 } pending)
        {
            var next = pending[0];
            pending.RemoveAt(0);
            StartInnerInstance(instance, body, node, (int)(long)vars["nrOfCompletedInstances"]!, next);
            return;
        }

        if (!instance.HasChildren(body))
        {
            body.PendingItems = null;
            Leave(instance, body, node);
        }
    }
}
