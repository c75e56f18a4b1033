using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Runtime;
using WorkflowHub.Engine.Runtime.Behaviors;
using WorkflowHub.Engine.Runtime.State;
using WorkflowHub.Engine.Scripting;

namespace WorkflowHub.Engine;

public sealed partial class WorkflowEngine
{
    public async Task<InstanceView> StartInstanceAsync(string key, string? businessKey = null, IReadOnlyDictionary<string, object?>? variables = null, string? userId = null, CancellationToken cancellationToken = default)
    {
        var initial = NormalizeVariables(variables);

        // RunCommandAsync's steps written out: the most frequent command pays for no closure and delegate.
        InstanceContext started;
        await using (var transaction = await Store.BeginAsync(cancellationToken))
        {
            var command = new CommandContext(_services, transaction, userId, cancellationToken);
            var runner = new ProcessRunner(command);
            var definition = await _services.Definitions.FindLatestAsync(transaction, key, cancellationToken)
                ?? throw new DefinitionNotFoundException($"No process with key '{key}' is deployed.");
            var start = definition.Model.RootScope.NoneStartEvent
                ?? throw new InvalidCommandException($"The process '{key}' has no none start event; it starts by message or timer.");
            started = command.CreateInstance(definition, businessKey, null, null, initial);
            if (userId is not null && start.Initiator is { } initiator)
            {
                // camunda:initiator: the starting user's id, as a variable.
                initial[initiator] = userId;
            }

            runner.Start(started, start);
            await runner.RunAsync();
            await command.CommitAsync();
            await command.DispatchNotificationsAsync();
        }

        return await ViewAfterCommandAsync(started, cancellationToken);
    }

    /// <summary>
    /// The view of an instance a committed command holds: its record and document are already the stored ones, so only
    /// incidents are read, and only when one of its executions has one (a value task: usually nothing is awaited).
    /// </summary>
    private ValueTask<InstanceView> ViewAfterCommandAsync(InstanceContext instance, CancellationToken cancellationToken) =>
        HasIncident(instance)
            ? new ValueTask<InstanceView>(ViewWithIncidentsAsync(instance, cancellationToken))
            : new ValueTask<InstanceView>(ToView(instance.Record, instance.Document, []));

    /// <summary>Whether an execution of a committed command's instance has an incident, which its view must then list.</summary>
    private static bool HasIncident(InstanceContext instance)
    {
        foreach (var execution in instance.Document.Executions)
        {
            if (execution.IncidentId is not null)
            {
                return true;
            }
        }

        return false;
    }

    private async Task<InstanceView> ViewWithIncidentsAsync(InstanceContext instance, CancellationToken cancellationToken)
    {
        var incidents = await Store.QueryIncidentsAsync(new IncidentQuery { InstanceId = instance.Id, Take = 1000 }, cancellationToken);
        return ToView(instance.Record, instance.Document, incidents.Items);
    }

    internal static Dictionary<string, object?> NormalizeVariables(IReadOnlyDictionary<string, object?>? variables)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (variables is null)
        {
            return result;
        }

        foreach (var (name, value) in variables)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("A variable name is empty.", nameof(variables));
            }

            result[name] = VariableValues.Normalize(value);
        }

        return result;
    }

    public Task SetVariablesAsync(Guid instanceId, IReadOnlyDictionary<string, object?> variables, string? userId = null, CancellationToken cancellationToken = default)
    {
        var values = NormalizeVariables(variables);
        return RunCommandAsync(userId, async (command, runner) =>
        {
            var instance = await LoadActiveInstanceAsync(command, instanceId);
            runner.SetInstanceVariables(instance, values);
        }, cancellationToken);
    }

    public Task CancelInstanceAsync(Guid instanceId, string? userId = null, CancellationToken cancellationToken = default) =>
        RunCommandAsync(userId, async (command, runner) =>
        {
            var instance = await LoadActiveInstanceAsync(command, instanceId);
            await runner.CancelInstanceAsync(instance, InstanceState.Cancelled);
        }, cancellationToken);

    private static async Task<InstanceContext> LoadActiveInstanceAsync(CommandContext command, Guid instanceId)
    {
        var instance = await command.LoadInstanceAsync(instanceId) ?? throw new InstanceNotFoundException($"No process instance has id {instanceId}.");
        if (instance.Record.State != InstanceState.Active)
        {
            throw new InvalidCommandException($"The process instance {instanceId} is {instance.Record.State.ToString().ToLowerInvariant()}.");
        }

        return instance;
    }

    public Task RetryIncidentAsync(Guid incidentId, string? userId = null, CancellationToken cancellationToken = default) =>
        RunCommandAsync(userId, async (command, runner) =>
        {
            var incident = await command.Tx.FindIncidentAsync(incidentId, cancellationToken);
            if (incident is not { State: IncidentState.Open })
            {
                throw new IncidentNotFoundException($"No open incident has id {incidentId}.");
            }

            if (incident.JobId is { } jobId)
            {
                var job = await command.Tx.FindJobAsync(jobId, cancellationToken);
                if (job is not null)
                {
                    var definition = await _services.Definitions.FindAsync(command.Tx, job.DefinitionId, cancellationToken);
                    var cycle = definition?.Model.Nodes.GetValueOrDefault(job.ElementId)?.Async.RetryTimeCycle ?? Model.AsyncSettings.DefaultRetryTimeCycle;
                    job.Retries = Runtime.Behaviors.ProcessRunner.RetryCount(cycle);
                    job.DueAt = command.Now;
                    job.LockOwner = null;
                    job.LockExpiresAt = null;
                    command.Tx.UpdateJob(job);
                }

                if (incident.InstanceId != Guid.Empty && await command.LoadInstanceAsync(incident.InstanceId) is { } owner)
                {
                    await runner.ResolveIncidentRowAsync(owner, incident.Id);
                    if (owner.Find(incident.ExecutionId) is { } execution && execution.IncidentId == incident.Id)
                    {
                        execution.IncidentId = null;
                    }
                }
                else
                {
                    incident.State = IncidentState.Resolved;
                    incident.ResolvedAt = command.Now;
                    command.Tx.UpdateIncident(incident);
                }

                return;
            }

            var instance = await LoadActiveInstanceAsync(command, incident.InstanceId);
            var failed = instance.Find(incident.ExecutionId);
            if (failed is null || failed.IncidentId != incident.Id)
            {
                await runner.ResolveIncidentRowAsync(instance, incident.Id);
                return;
            }

            await runner.RetryIncidentAsync(instance, failed, incident);
        }, cancellationToken);
}
