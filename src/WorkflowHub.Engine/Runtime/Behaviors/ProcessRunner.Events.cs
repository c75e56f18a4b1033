using System.Globalization;
using WorkflowHub.Engine.Model;
using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Runtime.State;
using WorkflowHub.Engine.Timers;

namespace WorkflowHub.Engine.Runtime.Behaviors;

/// <summary>Events: end events, waiting for messages and timers, boundary events, event sub-processes, triggers.</summary>
internal sealed partial class ProcessRunner
{
    /// <summary>A none end event ends its token synchronously; terminate and error end events return their pending work.</summary>
    private Task? EndEvent(InstanceContext instance, ExecutionState execution, FlowNode node)
    {
        CompleteNode(instance, node);
        switch (node.Event?.Kind)
        {
            case EventKind.Terminate:
                return TerminateScopeAsync(instance, execution);
            case EventKind.Error:
                return ThrowErrorAsync(instance, execution, node.Event.ErrorCode ?? node.Id, node);
            default:
                EndToken(instance, execution);
                return null;
        }
    }

    private async Task TerminateScopeAsync(InstanceContext instance, ExecutionState execution)
    {
        var scope = instance.Parent(execution)!;
        foreach (var child in instance.Children(scope))
        {
            await CancelAsync(instance, child);
        }

        if (scope.Kind == ExecutionKind.Root)
        {
            CompleteInstance(instance, InstanceState.Terminated);
        }
        else
        {
            CompleteScopeIfDone(instance, scope);
        }
    }

    /// <summary>Subscribes <paramref name="owner"/> to the message or timer of <paramref name="eventNode"/>.</summary>
    public void WaitForEvent(InstanceContext instance, ExecutionState owner, FlowNode eventNode, ExecutionState variablesFrom)
    {
        var definition = eventNode.Event;
        if (definition?.Kind == EventKind.Timer)
        {
            CreateTimerJob(instance, owner, eventNode, variablesFrom);
        }
        else if (definition?.Kind == EventKind.Message)
        {
            var subscription = new EventSubscriptionRecord
            {
                Id = C.NewId(),
                MessageName = definition.MessageName!,
                InstanceId = instance.Id,
                ExecutionId = owner.Id,
                DefinitionId = instance.Definition.Id,
                DefinitionKey = instance.Definition.Key,
                ElementId = eventNode.Id,
                BusinessKey = instance.Record.BusinessKey,
                CreatedAt = C.Now,
            };
            C.Tx.AddSubscription(subscription);
            owner.AddSubscription(subscription.Id, eventNode.Id);
        }
    }

    private void CreateTimerJob(InstanceContext instance, ExecutionState owner, FlowNode eventNode, ExecutionState variablesFrom)
    {
        var timer = eventNode.Event!.Timer!;
        var text = Convert.ToString(EvaluateText(instance, variablesFrom, timer.Expression), CultureInfo.InvariantCulture) ?? "";
        var (due, repeats) = TimerEvaluation.FirstDue(timer.Kind, text, C.Now);
        var job = NewJob(instance, owner, eventNode, JobKind.Timer, due);
        job.Configuration = TimerConfiguration(repeats, text);
        C.Tx.AddJob(job);
        owner.AddJob(job.Id, eventNode.Id);
    }

    /// <summary>"repeats|cycle text": repeats is a count, "*" for unbounded, or 0.</summary>
    public static string TimerConfiguration(int? repeats, string text) => (repeats is null ? "*" : repeats.Value.ToString(CultureInfo.InvariantCulture)) + "|" + text;

    /// <summary>Computes the next firing of a repeating timer job, or null when it is exhausted.</summary>
    public static DateTimeOffset? NextCycle(JobRecord job, DateTimeOffset now, out string? configuration)
    {
        configuration = null;
        var parts = (job.Configuration ?? "0|").Split('|', 2);
        if (parts[0] == "0" || !IsoCycle.TryParse(parts[1], out var cycle))
        {
            return null;
        }

        int? left = parts[0] == "*" ? null : int.Parse(parts[0], CultureInfo.InvariantCulture) - 1;
        var next = cycle.Interval.AddTo(job.DueAt);
        for (var guard = 0; next <= now && guard < 100_000; guard++)
        {
            next = cycle.Interval.AddTo(next);
        }

        configuration = TimerConfiguration(left, parts[1]);
        return next;
    }

    private void SubscribeBoundaryEvents(InstanceContext instance, ExecutionState execution, FlowNode node)
    {
        var boundaries = node.BoundaryEvents;
        for (var i = 0; i < boundaries.Count; i++)
        {
            var boundary = boundaries[i];
            if (boundary.Event?.Kind is EventKind.Message or EventKind.Timer)
            {
                WaitForEvent(instance, execution, boundary, execution);
            }
        }
    }

    public void SubscribeEventSubProcesses(InstanceContext instance, ExecutionState scope, FlowScope model)
    {
        if (!model.HasEventSubProcesses)
        {
            return;
        }

        var nodes = model.Nodes;
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i] is not { Kind: NodeKind.EventSubProcess } eventSubProcess)
            {
                continue;
            }

            var start = eventSubProcess.Scope!.StartEvents.FirstOrDefault();
            if (start?.Event?.Kind is EventKind.Message or EventKind.Timer)
            {
                WaitForEvent(instance, scope, start, scope);
            }
        }
    }

    private static bool IsEventSubProcessStart(FlowNode node) => node.Kind == NodeKind.StartEvent && node.ParentScope.Owner?.Kind == NodeKind.EventSubProcess;

    /// <summary>
    /// A message or timer arrived for <paramref name="eventNode"/>, owned by <paramref name="owner"/>. The firing
    /// job/subscription has already been removed from the owner unless it repeats.
    /// </summary>
    public async Task TriggerAsync(InstanceContext instance, ExecutionState owner, FlowNode eventNode, IReadOnlyDictionary<string, object?>? variables)
    {
        if (!instance.IsAlive(owner) || instance.Record.State != InstanceState.Active)
        {
            return;
        }

        SetInstanceVariables(instance, variables);
        if (eventNode.Kind == NodeKind.BoundaryEvent)
        {
            var parent = instance.Parent(owner)!;
            if (eventNode.Interrupting)
            {
                await CancelAsync(instance, owner);
            }

            var token = instance.NewExecution(parent, ExecutionKind.Token, eventNode.Id);
            C.History(instance, HistoryEventType.ActivityStarted, eventNode.Id, eventNode.ElementType);
            Leave(instance, token, eventNode);
        }
        else if (IsEventSubProcessStart(eventNode))
        {
            await StartEventSubProcessAsync(instance, owner, eventNode);
        }
        else if (owner.Wait == WaitKind.EventGateway)
        {
            var gateway = instance.Node(owner);
            RemoveOwned(owner);
            CompleteNode(instance, gateway);
            owner.ElementId = eventNode.Id;
            owner.Wait = WaitKind.None;
            C.History(instance, HistoryEventType.ActivityStarted, eventNode.Id, eventNode.ElementType);
            Leave(instance, owner, eventNode);
        }
        else if (owner.ElementId == eventNode.Id)
        {
            Leave(instance, owner, eventNode);
        }
    }

    private async Task StartEventSubProcessAsync(InstanceContext instance, ExecutionState scope, FlowNode start)
    {
        var eventSubProcess = start.ParentScope.Owner!;
        if (start.Interrupting)
        {
            foreach (var child in instance.Children(scope))
            {
                await CancelAsync(instance, child);
            }

            var scopeModel = instance.ScopeModel(scope);
            RemoveOwned(scope, item => scopeModel is not null && scopeModel.EventSubProcesses.Any(e => e.Scope!.Nodes.Any(n => n.Id == item.ElementId)));
        }

        var holder = instance.NewExecution(scope, ExecutionKind.EventSubProcess, eventSubProcess.Id);
        holder.Variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        C.History(instance, HistoryEventType.ActivityStarted, eventSubProcess.Id, eventSubProcess.ElementType);
        SubscribeEventSubProcesses(instance, holder, eventSubProcess.Scope!);
        var token = instance.NewExecution(holder, ExecutionKind.Token, start.Id);
        C.History(instance, HistoryEventType.ActivityStarted, start.Id, start.ElementType);
        Leave(instance, token, start);
    }

    public void SetInstanceVariables(InstanceContext instance, IReadOnlyDictionary<string, object?>? variables)
    {
        if (variables is null)
        {
            return;
        }

        var access = Variables(instance, instance.Root);
        foreach (var (name, value) in variables)
        {
            access.Set(name, value);
        }
    }

    /// <summary>
    /// Throws a BPMN error from <paramref name="source"/>: the nearest matching error boundary event or error event
    /// sub-process catches it; uncaught in a called instance it continues in the caller; uncaught at the top it is an incident.
    /// </summary>
    public async Task ThrowErrorAsync(InstanceContext instance, ExecutionState source, string errorCode, FlowNode thrower)
    {
        C.History(instance, HistoryEventType.ErrorThrown, thrower.Id, thrower.ElementType, data: CommandContext.Json("errorCode", errorCode));
        var current = source;
        while (true)
        {
            if (current.Kind != ExecutionKind.Root && current.ElementId is not null && !instance.IsMultiInstanceInner(current))
            {
                var node = instance.Node(current);
                var boundary = node.BoundaryEvents.FirstOrDefault(b => b.Event?.Kind == EventKind.Error && (b.Event.ErrorCode is null || b.Event.ErrorCode == errorCode));
                if (boundary is not null)
                {
                    var parent = instance.Parent(current)!;
                    await CancelAsync(instance, current);
                    var token = instance.NewExecution(parent, ExecutionKind.Token, boundary.Id);
                    C.History(instance, HistoryEventType.ActivityStarted, boundary.Id, boundary.ElementType);
                    Leave(instance, token, boundary);
                    return;
                }
            }

            var scope = instance.Parent(current);
            if (scope is null)
            {
                break;
            }

            var start = instance.ScopeModel(scope)?.EventSubProcesses
                .Select(e => e.Scope!.StartEvents.FirstOrDefault())
                .FirstOrDefault(s => s?.Event?.Kind == EventKind.Error && (s.Event.ErrorCode is null || s.Event.ErrorCode == errorCode));
            if (start is not null)
            {
                await StartEventSubProcessAsync(instance, scope, start);
                return;
            }

            current = scope;
        }

        if (instance.Record.ParentInstanceId is { } parentId && instance.Document.ParentExecutionId is { } parentExecutionId
            && await C.LoadInstanceAsync(parentId) is { } caller && caller.Find(parentExecutionId) is { } callExecution)
        {
            await CancelInstanceAsync(instance, InstanceState.Terminated);
            callExecution.CalledInstanceId = null;
            await ThrowErrorAsync(caller, callExecution, errorCode, caller.Node(callExecution));
            return;
        }

        if (instance.IsAlive(source))
        {
            RaiseIncident(instance, source, thrower, "unhandledError", $"The BPMN error '{errorCode}' thrown by '{thrower.Id}' was not caught by any boundary event or event sub-process.");
        }
    }
}
