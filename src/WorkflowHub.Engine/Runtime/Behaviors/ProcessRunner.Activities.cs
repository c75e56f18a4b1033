using System.Globalization;
using WorkflowHub.Engine.Model;
using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Runtime.State;
using WorkflowHub.Engine.Scripting;
using WorkflowHub.Engine.Timers;

namespace WorkflowHub.Engine.Runtime.Behaviors;

/// <summary>Tasks and embedded sub-processes.</summary>
internal sealed partial class ProcessRunner
{
    private void CreateUserTask(InstanceContext instance, ExecutionState execution, FlowNode node)
    {
        var settings = node.UserTask!;
        var task = new UserTaskRecord
        {
            Id = C.NewId(),
            InstanceId = instance.Id,
            ExecutionId = execution.Id,
            DefinitionId = instance.Definition.Id,
            DefinitionKey = instance.Definition.Key,
            BusinessKey = instance.Record.BusinessKey,
            ElementId = node.Id,
            Name = node.Name,
            Assignee = EmptyToNull(EvaluateString(instance, execution, settings.Assignee)),
            CandidateUsers = EvaluateList(instance, execution, settings.CandidateUsers),
            CandidateGroups = EvaluateList(instance, execution, settings.CandidateGroups),
            DueDate = EvaluateDate(instance, execution, settings.DueDate),
            FollowUpDate = EvaluateDate(instance, execution, settings.FollowUpDate),
            Priority = EvaluateString(instance, execution, settings.Priority) is { } p
                ? int.Parse(p, NumberStyles.Integer, CultureInfo.InvariantCulture)
                : C.Services.Options.DefaultTaskPriority,
            FormKey = EvaluateString(instance, execution, settings.FormKey),
            State = UserTaskState.Active,
            CreatedAt = C.Now,
        };
        C.Tx.AddTask(task);
        execution.TaskId = task.Id;
        execution.Wait = WaitKind.UserTask;
        C.History(instance, HistoryEventType.TaskCreated, node.Id, node.ElementType, task.Id);
        if (C.HasListeners)
        {
            NotifyTaskCreated(task.Clone());
        }
    }

    private void NotifyTaskCreated(UserTaskRecord snapshot) => C.Notify((l, ct) => l.OnTaskCreatedAsync(snapshot, ct));

    private static string? EmptyToNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private string? EvaluateString(InstanceContext instance, ExecutionState execution, string? text) =>
        text is null ? null : Convert.ToString(EvaluateText(instance, execution, text), CultureInfo.InvariantCulture);

    private string[] EvaluateList(InstanceContext instance, ExecutionState execution, string? text)
    {
        if (text is null)
        {
            return [];
        }

        var value = EvaluateText(instance, execution, text);
        IEnumerable<string> items = value is IEnumerable<object?> list
            ? list.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "")
            : (Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").Split(',');
        return items.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>An ISO date, an ISO duration from now, or an expression yielding either.</summary>
    private DateTimeOffset? EvaluateDate(InstanceContext instance, ExecutionState execution, string? text)
    {
        var value = EvaluateString(instance, execution, text);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return IsoDuration.TryParse(value, out var duration) ? duration.AddTo(C.Now) : TimerEvaluation.ParseDate(value);
    }

    private void CreateExternalTaskJob(InstanceContext instance, ExecutionState execution, FlowNode node)
    {
        var job = NewJob(instance, execution, node, JobKind.ExternalTask, C.Now);
        job.Topic = node.External!.Topic;
        job.Retries = RetryCount(node.Async.RetryTimeCycle);
        job.Exclusive = node.Async.Exclusive;
        C.Tx.AddJob(job);
        execution.AddJob(job.Id, node.Id);
        execution.Wait = WaitKind.ExternalTask;
    }

    private async Task EvaluateBusinessRuleAsync(InstanceContext instance, ExecutionState execution, FlowNode node)
    {
        var settings = node.BusinessRule!;
        var evaluator = C.Services.RuleEvaluator;
        if (evaluator is null)
        {
            RaiseIncident(instance, execution, node, "businessRule", $"No IBusinessRuleEvaluator is registered to evaluate '{settings.DecisionRef}'.");
            return;
        }

        object? result;
        try
        {
            var context = new BusinessRuleContext(settings.DecisionRef, instance.Id, instance.Record.BusinessKey, instance.Definition.Key, node.Id, C.UserId, Variables(instance, execution).Visible());
            result = VariableValues.Normalize(await evaluator.EvaluateAsync(context, C.CancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            RaiseIncident(instance, execution, node, "businessRule", $"Evaluating '{settings.DecisionRef}' failed: {ex.Message}");
            return;
        }

        C.History(instance, HistoryEventType.DecisionEvaluated, node.Id, node.ElementType, data: CommandContext.Json(new Dictionary<string, object?> { ["decisionRef"] = settings.DecisionRef, ["result"] = result }));
        if (settings.ResultVariable is { Length: > 0 } resultVariable)
        {
            Variables(instance, execution).Set(resultVariable, result);
        }

        Leave(instance, execution, node);
    }

    private void RunScript(InstanceContext instance, ExecutionState execution, FlowNode node)
    {
        var script = node.Script!;
        var access = Variables(instance, execution);
        var result = C.Services.Scripts.RunScript(instance.Definition.Compiler, script.Body, access);
        if (script.ResultVariable is { Length: > 0 } resultVariable)
        {
            access.Set(resultVariable, result);
        }

        Leave(instance, execution, node);
    }

    private void EnterSubProcess(InstanceContext instance, ExecutionState execution, FlowNode node)
    {
        execution.Kind = ExecutionKind.SubProcess;
        execution.Wait = WaitKind.Children;
        execution.Variables ??= new Dictionary<string, object?>(StringComparer.Ordinal);
        var scope = node.Scope!;
        if (scope.Nodes.Count == 0)
        {
            // A collapsed sub-process drawn without content has nothing to do.
            Leave(instance, execution, node);
            return;
        }

        SubscribeEventSubProcesses(instance, execution, scope);
        var start = scope.NoneStartEvent!;
        var token = instance.NewExecution(execution, ExecutionKind.Token, start.Id);
        C.Agenda.EnqueueExecute(instance, token, start);
    }
}
