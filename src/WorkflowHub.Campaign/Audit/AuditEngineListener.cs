using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Engine;
using WorkflowHub.Engine.EntityFrameworkCore.Transactions;
using WorkflowHub.Engine.Persistence;

namespace WorkflowHub.Campaign.Audit;

/// <summary>
/// Records what the workflow engine changes on its own — timers and external tasks run by the job executor — as
/// <c>Engine.*</c> entries by the user <see cref="EngineUserName"/>. Engine events caused by a command are skipped:
/// the command's own entry covers them.
/// </summary>
public sealed class AuditEngineListener(IServiceScopeFactory scopeFactory) : IEngineEventListener
{
    public const string EngineUserName = "engine";

    public Task OnTaskCreatedAsync(UserTaskRecord task, CancellationToken cancellationToken) =>
        AppendAsync("Engine.TaskCreated", task, TaskPayload, cancellationToken);

    public Task OnTaskCompletedAsync(UserTaskRecord task, CancellationToken cancellationToken) =>
        AppendAsync("Engine.TaskCompleted", task, TaskPayload, cancellationToken);

    public Task OnInstanceEndedAsync(InstanceRecord instance, CancellationToken cancellationToken) =>
        AppendAsync("Engine.InstanceEnded", instance, static instance => new JsonObject
        {
            ["instanceId"] = instance.Id,
            ["definitionKey"] = instance.DefinitionKey,
            ["businessKey"] = instance.BusinessKey,
            ["state"] = instance.State.ToString(),
        }, cancellationToken);

    public Task OnIncidentCreatedAsync(IncidentRecord incident, CancellationToken cancellationToken) =>
        AppendAsync("Engine.IncidentCreated", incident, static incident => new JsonObject
        {
            ["incidentId"] = incident.Id,
            ["instanceId"] = incident.InstanceId,
            ["definitionKey"] = incident.DefinitionKey,
            ["elementId"] = incident.ElementId,
            ["type"] = incident.Type,
        }, cancellationToken);

    private static JsonObject TaskPayload(UserTaskRecord task) => new()
    {
        ["taskId"] = task.Id,
        ["instanceId"] = task.InstanceId,
        ["definitionKey"] = task.DefinitionKey,
        ["businessKey"] = task.BusinessKey,
        ["elementId"] = task.ElementId,
    };

    /// <summary>The payload is built only when the entry is written: most engine events happen inside a command (every task completion).</summary>
    private Task AppendAsync<TRecord>(string action, TRecord record, Func<TRecord, JsonObject> payload, CancellationToken cancellationToken)
    {
        // Inside a command the command's entry says it all; inside an application transaction (reporting, demo data)
        // a second connection would wait on that transaction's write lock.
        if (AuditedCommand.IsActive || EngineTransactionScope.Current is not null)
        {
            return Task.CompletedTask;
        }

        return WriteAsync(action, payload(record).ToJsonString(), cancellationToken);
    }

    private async Task WriteAsync(string action, string payload, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditTrail>()
            .AppendAsync(null, EngineUserName, null, action, payload, AuditOutcome.Succeeded, null, cancellationToken);
    }
}
