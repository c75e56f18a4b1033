using WorkflowHub.Engine.Model;
using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Runtime;
using WorkflowHub.Engine.Runtime.Behaviors;
using WorkflowHub.Engine.Runtime.State;

namespace WorkflowHub.Engine;

public sealed partial class WorkflowEngine
{
    public async Task<int> ExecuteDueJobsAsync(string lockOwner, int max = 20, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(lockOwner);
        var jobs = await Store.AcquireDueJobsAsync(lockOwner, Now, _services.Options.JobLockDuration, max, cancellationToken);
        foreach (var job in jobs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await ExecuteJobAsync(job, lockOwner, cancellationToken);
        }

        return jobs.Count;
    }

    /// <summary>Runs one acquired job; failures are retried and finally become incidents, never thrown.</summary>
    private async Task ExecuteJobAsync(JobRecord job, string lockOwner, CancellationToken cancellationToken)
    {
        try
        {
            ExternalTaskResult? external = null;
            if (job.Kind == JobKind.ExternalTask)
            {
                external = await RunExternalHandlerAsync(job, cancellationToken);
                if (external is null)
                {
                    return;
                }

                if (external.Outcome == ExternalTaskOutcome.Failure)
                {
                    await FailJobAsync(job, lockOwner, external.Message ?? "The external task handler reported a failure.", cancellationToken);
                    return;
                }
            }

            await RunCommandAsync(null, (command, runner) => ContinueJobAsync(command, runner, job, lockOwner, external), cancellationToken);
        }
        catch (ConcurrencyException)
        {
            await ReleaseJobAsync(job, lockOwner, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await FailJobAsync(job, lockOwner, ex.Message, cancellationToken);
        }
    }

    private async Task<ExternalTaskResult?> RunExternalHandlerAsync(JobRecord job, CancellationToken cancellationToken)
    {
        var record = job.InstanceId is { } id ? await Store.FindInstanceAsync(id, cancellationToken) : null;
        if (record is null)
        {
            return null;
        }

        var definition = await _services.Definitions.FindAsync(Store, record.DefinitionId, cancellationToken);
        var document = InstanceDocumentSerializer.Deserialize(record.Document);
        var instance = new InstanceContext(record, document, definition!, isNew: false);
        var execution = instance.Find(job.ExecutionId);
        if (execution is null)
        {
            return null;
        }

        if (!_services.Handlers.TryGetValue(job.Topic ?? "", out var handler))
        {
            return ExternalTaskResult.Failure($"No external task handler is registered for topic '{job.Topic}'.");
        }

        var variables = new ExecutionVariables(instance, execution, command: null).Visible();
        var context = new ExternalTaskContext(job.Id, job.Topic!, record.Id, record.BusinessKey, record.DefinitionKey, job.ElementId, job.Retries, variables);
        try
        {
            return await handler.HandleAsync(context, cancellationToken) ?? ExternalTaskResult.Success();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ExternalTaskResult.Failure($"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private async Task ContinueJobAsync(CommandContext command, ProcessRunner runner, JobRecord acquired, string lockOwner, ExternalTaskResult? external)
    {
        var job = await command.Tx.FindJobAsync(acquired.Id, command.CancellationToken);
        if (job is null || job.LockOwner != lockOwner)
        {
            return;
        }

        if (job.InstanceId is null)
        {
            await FireTimerStartAsync(command, runner, job);
            return;
        }

        var instance = await command.LoadInstanceAsync(job.InstanceId.Value);
        var owner = instance?.Find(job.ExecutionId);
        if (instance is null || owner is null || instance.Record.State != InstanceState.Active || owner.Jobs?.Any(j => j.Id == job.Id) != true)
        {
            command.Tx.DeleteJob(job.Id);
            return;
        }

        var node = instance.Definition.Model.GetNode(job.ElementId);
        switch (job.Kind)
        {
            case JobKind.Timer:
                command.History(instance, HistoryEventType.TimerFired, node.Id, node.ElementType);
                var repeats = !node.Interrupting && (node.Kind == NodeKind.BoundaryEvent || node.ParentScope.Owner?.Kind == NodeKind.EventSubProcess);
                if (repeats && ProcessRunner.NextCycle(job, command.Now, out var configuration) is { } next)
                {
                    job.DueAt = next;
                    job.Configuration = configuration;
                    job.LockOwner = null;
                    job.LockExpiresAt = null;
                    command.Tx.UpdateJob(job);
                }
                else
                {
                    runner.RemoveOwned(owner, item => item.Id == job.Id);
                }

                await runner.TriggerAsync(instance, owner, node, null);
                break;
            case JobKind.AsyncContinuation:
                runner.RemoveOwned(owner, item => item.Id == job.Id);
                owner.Wait = WaitKind.None;
                if (job.Configuration == "after")
                {
                    command.Agenda.Enqueue(() => runner.Leave(instance, owner, node, asyncAfterDone: true));
                }
                else
                {
                    command.Agenda.EnqueueExecute(instance, owner, node);
                }

                break;
            case JobKind.ExternalTask:
                runner.RemoveOwned(owner, item => item.Id == job.Id);
                runner.SetInstanceVariablesFrom(instance, owner, external?.Variables);
                if (external?.Outcome == ExternalTaskOutcome.BpmnError)
                {
                    await runner.ThrowErrorAsync(instance, owner, external.ErrorCode!, node);
                }
                else
                {
                    command.Agenda.Enqueue(() => runner.Leave(instance, owner, node));
                }

                break;
        }
    }

    private async Task FireTimerStartAsync(CommandContext command, ProcessRunner runner, JobRecord job)
    {
        var definition = await _services.Definitions.FindAsync(command.Tx, job.DefinitionId, command.CancellationToken);
        if (definition is null)
        {
            command.Tx.DeleteJob(job.Id);
            return;
        }

        var start = definition.Model.GetNode(job.ElementId);
        var instance = command.CreateInstance(definition, null, null, null, null);
        runner.Start(instance, start);
        command.History(instance, HistoryEventType.TimerFired, start.Id, start.ElementType);
        if (ProcessRunner.NextCycle(job, command.Now, out var configuration) is { } next)
        {
            job.DueAt = next;
            job.Configuration = configuration;
            job.LockOwner = null;
            job.LockExpiresAt = null;
            command.Tx.UpdateJob(job);
        }
        else
        {
            command.Tx.DeleteJob(job.Id);
        }
    }

    private async Task ReleaseJobAsync(JobRecord acquired, string lockOwner, CancellationToken cancellationToken)
    {
        await using var transaction = await Store.BeginAsync(cancellationToken);
        var job = await transaction.FindJobAsync(acquired.Id, cancellationToken);
        if (job is null || job.LockOwner != lockOwner)
        {
            return;
        }

        job.LockOwner = null;
        job.LockExpiresAt = null;
        transaction.UpdateJob(job);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>One failed attempt: fewer retries and a later due time, or an incident when none are left.</summary>
    private async Task FailJobAsync(JobRecord acquired, string lockOwner, string message, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                await RunCommandAsync(null, async (command, runner) =>
                {
                    var job = await command.Tx.FindJobAsync(acquired.Id, cancellationToken);
                    if (job is null || job.LockOwner != lockOwner)
                    {
                        return;
                    }

                    var definition = await _services.Definitions.FindAsync(command.Tx, job.DefinitionId, cancellationToken);
                    var node = definition?.Model.Nodes.GetValueOrDefault(job.ElementId);
                    var cycle = node?.Async.RetryTimeCycle ?? AsyncSettings.DefaultRetryTimeCycle;
                    job.Retries = Math.Max(0, job.Retries - 1);
                    job.ErrorMessage = message;
                    job.LockOwner = null;
                    job.LockExpiresAt = null;
                    job.DueAt = command.Now + ProcessRunner.RetryDelay(cycle, command.Now);
                    command.Tx.UpdateJob(job);
                    var instance = job.InstanceId is { } id ? await command.LoadInstanceAsync(id) : null;
                    if (instance is not null)
                    {
                        command.History(instance, HistoryEventType.JobFailed, job.ElementId, node?.ElementType, data: CommandContext.Json(new Dictionary<string, object?> { ["message"] = message, ["retriesLeft"] = (long)job.Retries }));
                    }

                    if (job.Retries == 0)
                    {
                        runner.RaiseJobIncident(instance, job, message);
                    }
                }, cancellationToken);
                return;
            }
            catch (ConcurrencyException)
            {
                // The instance moved on meanwhile; record the failure against its new version.
            }
        }
    }
}
