using WorkflowHub.Engine.Model;
using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Runtime.State;
using WorkflowHub.Engine.Scripting;
using WorkflowHub.Engine.Timers;

namespace WorkflowHub.Engine.Runtime.Behaviors;

/// <summary>
/// The BPMN semantics, as agenda operations over the execution tree of one command. This file holds the token
/// movement (enter, execute, leave, take flows, end, complete scopes); the other parts of the class hold one concern each.
/// </summary>
internal sealed partial class ProcessRunner(CommandContext command)
{
    private CommandContext C => command;

    /// <summary>Runs the agenda until every token waits; re-checks inclusive joins that other tokens may have released.</summary>
    public Task RunAsync() => RunUntilPending() is { } pending ? ContinueAfterAsync(pending) : Task.CompletedTask;

    /// <summary>
    /// Runs operations while they finish synchronously, as every element of a path of scripts, gateways and plain events
    /// does; returns the first one still running, or null once every token waits.
    /// </summary>
    private Task? RunUntilPending()
    {
        while (true)
        {
            while (C.Agenda.TryDequeue(out var operation))
            {
                var pending = operation.Callback is { } callback ? callback() : Execute(operation.Instance!, operation.Execution!, operation.Node!);
                if (pending is { IsCompletedSuccessfully: false })
                {
                    return pending;
                }
            }

            if (!ReleaseInclusiveJoins())
            {
                return null;
            }
        }
    }

    private async Task ContinueAfterAsync(Task pending)
    {
        for (Task? next = pending; next is not null; next = RunUntilPending())
        {
            await next;
        }
    }

    private ExecutionVariables? _lastVariables;

    /// <summary>
    /// Variables as seen from <paramref name="execution"/>; every write is recorded in the history. The view holds no
    /// state of its own, so consecutive elements on the same token (a chain of script tasks) share one.
    /// </summary>
    public ExecutionVariables Variables(InstanceContext instance, ExecutionState execution) =>
        _lastVariables is { } last && last.Views(instance, execution) ? last : _lastVariables = new(instance, execution, C);

    /// <summary>Starts a new instance's root scope and puts a token on the start event.</summary>
    public void Start(InstanceContext instance, FlowNode startEvent)
    {
        C.History(instance, HistoryEventType.InstanceStarted, startEvent.Id, startEvent.ElementType);
        var root = instance.Root;
        SubscribeEventSubProcesses(instance, root, instance.Definition.Model.RootScope);
        var token = instance.NewExecution(root, ExecutionKind.Token, startEvent.Id);
        C.Agenda.EnqueueExecute(instance, token, startEvent);
    }

    public void Enter(InstanceContext instance, ExecutionState execution, FlowNode node, SequenceFlow? via)
    {
        execution.ElementId = node.Id;
        execution.ArrivedVia = via?.Id;
        execution.Wait = WaitKind.None;
        if (node.Async.Before)
        {
            CreateAsyncJob(instance, execution, node, "before");
            execution.Wait = WaitKind.AsyncBefore;
            return;
        }

        C.Agenda.EnqueueExecute(instance, execution, node);
    }

    /// <summary>
    /// Executes <paramref name="node"/> on <paramref name="execution"/>. Most elements finish synchronously and return
    /// null: every element of every path passes here, and an async method per element (plus one per behaviour) cost a
    /// state machine, a builder and an await each. Only behaviours that read the store or call out return a task.
    /// </summary>
    public Task? Execute(InstanceContext instance, ExecutionState execution, FlowNode node)
    {
        if (!instance.IsAlive(execution))
        {
            return null;
        }

        C.History(instance, HistoryEventType.ActivityStarted, node.Id, node.ElementType);
        var inner = instance.IsMultiInstanceInner(execution);
        try
        {
            if (node.MultiInstance is not null && !inner)
            {
                StartMultiInstance(instance, execution, node);
                return null;
            }

            if (!inner)
            {
                SubscribeBoundaryEvents(instance, execution, node);
            }

            return ExecuteBehavior(instance, execution, node) is { } pending ? RaiseIncidentOnFailureAsync(pending, instance, execution, node) : null;
        }
        catch (Exception ex) when (IsExpressionFailure(ex))
        {
            RaiseIncident(instance, execution, node, "expression", ex.Message);
            return null;
        }
    }

    /// <summary>A failed expression or conversion becomes an incident on the element instead of failing the command.</summary>
    private static bool IsExpressionFailure(Exception ex) => ex is ScriptFailedException or FormatException or InvalidCastException;

    private async Task RaiseIncidentOnFailureAsync(Task pending, InstanceContext instance, ExecutionState execution, FlowNode node)
    {
        try
        {
            await pending;
        }
        catch (Exception ex) when (IsExpressionFailure(ex))
        {
            RaiseIncident(instance, execution, node, "expression", ex.Message);
        }
    }

    /// <summary>Runs the element's behaviour; null when it finished synchronously, else the work still to await.</summary>
    private Task? ExecuteBehavior(InstanceContext instance, ExecutionState execution, FlowNode node)
    {
        switch (node.Kind)
        {
            case NodeKind.StartEvent:
            case NodeKind.BoundaryEvent:
                Leave(instance, execution, node);
                break;
            case NodeKind.IntermediateThrowEvent or NodeKind.EndEvent when node.Event?.Kind == EventKind.Message:
                CreateExternalTaskJob(instance, execution, node);
                break;
            case NodeKind.IntermediateThrowEvent:
                C.History(instance, HistoryEventType.Milestone, node.Id, node.ElementType, data: node.Name is null ? null : CommandContext.Json("name", node.Name));
                Leave(instance, execution, node);
                break;
            case NodeKind.EndEvent:
                return EndEvent(instance, execution, node);
            case NodeKind.IntermediateCatchEvent:
            case NodeKind.ReceiveTask:
                WaitForEvent(instance, execution, node, execution);
                execution.Wait = node.Event!.Kind == EventKind.Timer ? WaitKind.Timer : WaitKind.Message;
                break;
            case NodeKind.UserTask:
                CreateUserTask(instance, execution, node);
                break;
            case NodeKind.ServiceTask:
            case NodeKind.SendTask:
                CreateExternalTaskJob(instance, execution, node);
                break;
            case NodeKind.BusinessRuleTask:
                return EvaluateBusinessRuleAsync(instance, execution, node);
            case NodeKind.ScriptTask:
                RunScript(instance, execution, node);
                break;
            case NodeKind.ExclusiveGateway:
                ExclusiveGateway(instance, execution, node);
                break;
            case NodeKind.ParallelGateway:
                ParallelGateway(instance, execution, node);
                break;
            case NodeKind.InclusiveGateway:
                InclusiveGateway(instance, execution, node);
                break;
            case NodeKind.EventBasedGateway:
                execution.Wait = WaitKind.EventGateway;
                foreach (var flow in node.Outgoing)
                {
                    WaitForEvent(instance, execution, flow.Target, execution);
                }

                break;
            case NodeKind.SubProcess:
                EnterSubProcess(instance, execution, node);
                break;
            case NodeKind.CallActivity:
                return StartCalledInstanceAsync(instance, execution, node);
            default:
                RaiseIncident(instance, execution, node, "unsupported", $"The element {node} cannot be executed.");
                break;
        }

        return null;
    }

    /// <summary>The node is done: run async-after, drop its subscriptions, record it, then move on.</summary>
    public void Leave(InstanceContext instance, ExecutionState execution, FlowNode node, bool asyncAfterDone = false)
    {
        if (!instance.IsAlive(execution))
        {
            return;
        }

        if (node.Async.After && !asyncAfterDone)
        {
            RemoveOwned(execution);
            CreateAsyncJob(instance, execution, node, "after");
            execution.Wait = WaitKind.AsyncAfter;
            return;
        }

        RemoveOwned(execution);
        execution.Wait = WaitKind.None;
        CompleteNode(instance, node);
        if (instance.IsMultiInstanceInner(execution))
        {
            EnqueueCompleteMultiInstanceInner(instance, instance.Parent(execution)!, execution, node);
            return;
        }

        if (execution.Kind is ExecutionKind.SubProcess or ExecutionKind.MultiInstanceBody)
        {
            execution.Kind = ExecutionKind.Token;
            execution.Variables = null;
        }

        try
        {
            TakeOutgoing(instance, execution, node);
        }
        catch (Exception ex) when (ex is ScriptFailedException or FormatException)
        {
            RaiseIncident(instance, execution, node, "condition", ex.Message);
        }
    }

    // The lambdas below live in methods of their own: a lambda capturing parameters allocates its closure on entry
    // to the method that holds it, so in Leave, CompleteScopeIfDone or CompleteInstance every element would pay for it.
    private void EnqueueCompleteMultiInstanceInner(InstanceContext instance, ExecutionState body, ExecutionState inner, FlowNode node) =>
        C.Agenda.Enqueue(() => CompleteMultiInstanceInnerAsync(instance, body, inner, node));

    private void EnqueueLeave(InstanceContext instance, ExecutionState execution, FlowNode node) =>
        C.Agenda.Enqueue(() => Leave(instance, execution, node));

    private void EnqueueResumeCallingInstance(InstanceContext instance) =>
        C.Agenda.Enqueue(() => ResumeCallingInstanceAsync(instance));

    private void CompleteNode(InstanceContext instance, FlowNode node)
    {
        C.History(instance, HistoryEventType.ActivityCompleted, node.Id, node.ElementType);
        instance.Document.CompletedElements.Add(node.Id);
    }

    /// <summary>Conditional flows out of activities and events: every true flow, else the default flow.</summary>
    public void TakeOutgoing(InstanceContext instance, ExecutionState execution, FlowNode node)
    {
        var outgoing = node.Outgoing;
        if (outgoing.Count == 0)
        {
            EndToken(instance, execution);
            return;
        }

        var defaultFlow = node.DefaultFlow;
        if (outgoing.Count == 1 && outgoing[0] is { Condition: null } only && only != defaultFlow)
        {
            // The usual case, one unconditional flow: no list of chosen flows to build.
            Enter(instance, execution, only.Target, only);
            return;
        }

        var chosen = new List<SequenceFlow>(outgoing.Count);
        for (var i = 0; i < outgoing.Count; i++)
        {
            var flow = outgoing[i];
            if (flow != defaultFlow && (flow.Condition is null || EvaluateCondition(instance, execution, flow.Condition)))
            {
                chosen.Add(flow);
            }
        }

        if (chosen.Count == 0)
        {
            if (defaultFlow is null)
            {
                RaiseIncident(instance, execution, node, "condition", $"No condition of the sequence flows leaving '{node.Id}' held and there is no default flow.");
                return;
            }

            chosen.Add(defaultFlow);
        }

        TakeFlows(instance, execution, chosen);
    }

    public void TakeFlows(InstanceContext instance, ExecutionState execution, IReadOnlyList<SequenceFlow> flows)
    {
        var parent = instance.Parent(execution);
        for (var i = 0; i < flows.Count; i++)
        {
            var token = i == 0 ? execution : instance.NewExecution(parent, ExecutionKind.Token, null);
            Enter(instance, token, flows[i].Target, flows[i]);
        }
    }

    public bool EvaluateCondition(InstanceContext instance, ExecutionState execution, string condition) =>
        C.Services.Scripts.EvaluateCondition(instance.Definition.Compiler, condition, Variables(instance, execution));

    public object? EvaluateText(InstanceContext instance, ExecutionState execution, string text) =>
        C.Services.Scripts.EvaluateText(instance.Definition.Compiler, text, Variables(instance, execution));

    /// <summary>A token reached the end of its path: it disappears and its scope may complete.</summary>
    public void EndToken(InstanceContext instance, ExecutionState execution)
    {
        var parent = instance.Parent(execution);
        RemoveOwned(execution);
        instance.Remove(execution);
        if (parent is not null)
        {
            CompleteScopeIfDone(instance, parent);
        }
    }

    public void CompleteScopeIfDone(InstanceContext instance, ExecutionState scope)
    {
        if (!instance.IsAlive(scope) || instance.HasChildren(scope))
        {
            return;
        }

        switch (scope.Kind)
        {
            case ExecutionKind.Root:
                CompleteInstance(instance, InstanceState.Completed);
                break;
            case ExecutionKind.SubProcess:
                EnqueueLeave(instance, scope, instance.Node(scope));
                break;
            case ExecutionKind.EventSubProcess:
                var parent = instance.Parent(scope);
                CompleteNode(instance, instance.Node(scope));
                RemoveOwned(scope);
                instance.Remove(scope);
                if (parent is not null)
                {
                    CompleteScopeIfDone(instance, parent);
                }

                break;
        }
    }

    public void CompleteInstance(InstanceContext instance, InstanceState state)
    {
        if (instance.Record.State != InstanceState.Active)
        {
            return;
        }

        var root = instance.Root;
        RemoveOwned(root);
        instance.Record.State = state;
        instance.Record.EndedAt = C.Now;
        C.History(instance, state switch
        {
            InstanceState.Terminated => HistoryEventType.InstanceTerminated,
            InstanceState.Cancelled => HistoryEventType.InstanceCancelled,
            _ => HistoryEventType.InstanceCompleted,
        });
        if (C.HasListeners)
        {
            NotifyInstanceEnded(instance.Record.Clone());
        }
        if (instance.Record.ParentInstanceId is not null && state != InstanceState.Cancelled)
        {
            EnqueueResumeCallingInstance(instance);
        }
    }

    private void NotifyInstanceEnded(InstanceRecord snapshot) => C.Notify((l, ct) => l.OnInstanceEndedAsync(snapshot, ct));

    /// <summary>Deletes the jobs and subscriptions an execution owns (those <paramref name="filter"/> accepts, if given).</summary>
    public void RemoveOwned(ExecutionState execution, Func<OwnedItem, bool>? filter = null)
    {
        // Called whenever a token leaves an element, which usually owns nothing: plain loops, no closures.
        if (execution.Jobs is { } jobs)
        {
            for (var i = 0; i < jobs.Count;)
            {
                if (filter is null || filter(jobs[i]))
                {
                    C.Tx.DeleteJob(jobs[i].Id);
                    jobs.RemoveAt(i);
                }
                else
                {
                    i++;
                }
            }

            if (jobs.Count == 0)
            {
                execution.Jobs = null;
            }
        }

        if (execution.Subscriptions is { } subscriptions)
        {
            for (var i = 0; i < subscriptions.Count;)
            {
                if (filter is null || filter(subscriptions[i]))
                {
                    C.Tx.DeleteSubscription(subscriptions[i].Id);
                    subscriptions.RemoveAt(i);
                }
                else
                {
                    i++;
                }
            }

            if (subscriptions.Count == 0)
            {
                execution.Subscriptions = null;
            }
        }
    }

    /// <summary>Cancels an execution and everything under it: tasks, jobs, subscriptions, called instances.</summary>
    public async Task CancelAsync(InstanceContext instance, ExecutionState execution)
    {
        foreach (var child in instance.Children(execution))
        {
            await CancelAsync(instance, child);
        }

        RemoveOwned(execution);
        if (execution.TaskId is { } taskId)
        {
            var task = await C.Tx.FindTaskAsync(taskId, C.CancellationToken);
            if (task is { State: UserTaskState.Active })
            {
                task.State = UserTaskState.Cancelled;
                task.CompletedAt = C.Now;
                C.Tx.UpdateTask(task);
                C.History(instance, HistoryEventType.TaskCancelled, task.ElementId, "userTask", task.Id);
            }
        }

        if (execution.CalledInstanceId is { } calledId && await C.LoadInstanceAsync(calledId) is { } called && called.Record.State == InstanceState.Active)
        {
            await CancelInstanceAsync(called, InstanceState.Cancelled);
        }

        if (execution.IncidentId is { } incidentId)
        {
            await ResolveIncidentRowAsync(instance, incidentId);
        }

        if (execution.ElementId is not null && execution.Kind != ExecutionKind.Root)
        {
            C.History(instance, HistoryEventType.ActivityCancelled, execution.ElementId, instance.Node(execution).ElementType);
        }

        if (execution.Kind != ExecutionKind.Root)
        {
            instance.Remove(execution);
        }
    }

    public async Task CancelInstanceAsync(InstanceContext instance, InstanceState state)
    {
        var root = instance.Root;
        foreach (var child in instance.Children(root))
        {
            await CancelAsync(instance, child);
        }

        CompleteInstance(instance, state);
    }

    private void CreateAsyncJob(InstanceContext instance, ExecutionState execution, FlowNode node, string phase)
    {
        var job = NewJob(instance, execution, node, JobKind.AsyncContinuation, C.Now);
        job.Configuration = phase;
        job.Retries = RetryCount(node.Async.RetryTimeCycle);
        job.Priority = node.Async.Priority;
        job.Exclusive = node.Async.Exclusive;
        C.Tx.AddJob(job);
        execution.AddJob(job.Id, node.Id);
    }

    public JobRecord NewJob(InstanceContext instance, ExecutionState execution, FlowNode node, JobKind kind, DateTimeOffset due) => new()
    {
        Id = C.NewId(),
        Kind = kind,
        InstanceId = instance.Id,
        ExecutionId = execution.Id,
        DefinitionId = instance.Definition.Id,
        DefinitionKey = instance.Definition.Key,
        ElementId = node.Id,
        DueAt = due,
        Retries = 1,
        Priority = node.Async.Priority,
        CreatedAt = C.Now,
    };

    public static int RetryCount(string retryTimeCycle) =>
        IsoCycle.TryParse(retryTimeCycle, out var cycle) && cycle.Repetitions is { } r ? Math.Max(1, r) : 3;

    public static TimeSpan RetryDelay(string retryTimeCycle, DateTimeOffset now) =>
        IsoCycle.TryParse(retryTimeCycle, out var cycle) ? cycle.Interval.AddTo(now) - now : TimeSpan.FromMinutes(1);
}
