using WorkflowHub.Engine.Model;
using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Runtime.State;

namespace WorkflowHub.Engine.Runtime.Behaviors;

/// <summary>Incidents: a token stops where something failed until a person retries it.</summary>
internal sealed partial class ProcessRunner
{
    public void RaiseIncident(InstanceContext instance, ExecutionState execution, FlowNode node, string type, string message)
    {
        RemoveOwned(execution);
        var incident = new IncidentRecord
        {
            Id = C.NewId(),
            InstanceId = instance.Id,
            ExecutionId = execution.Id,
            DefinitionId = instance.Definition.Id,
            DefinitionKey = instance.Definition.Key,
            ElementId = node.Id,
            Type = type,
            Message = message,
            State = IncidentState.Open,
            CreatedAt = C.Now,
        };
        C.Tx.AddIncident(incident);
        execution.Wait = WaitKind.Incident;
        execution.IncidentId = incident.Id;
        C.History(instance, HistoryEventType.IncidentCreated, node.Id, node.ElementType, data: CommandContext.Json(new Dictionary<string, object?> { ["type"] = type, ["message"] = message }));
        var snapshot = incident.Clone();
        C.Notify((l, ct) => l.OnIncidentCreatedAsync(snapshot, ct));
    }

    public async Task ResolveIncidentRowAsync(InstanceContext instance, Guid incidentId)
    {
        var incident = await C.Tx.FindIncidentAsync(incidentId, C.CancellationToken);
        if (incident is { State: IncidentState.Open })
        {
            incident.State = IncidentState.Resolved;
            incident.ResolvedAt = C.Now;
            C.Tx.UpdateIncident(incident);
            C.History(instance, HistoryEventType.IncidentResolved, incident.ElementId);
        }
    }

    /// <summary>Retries the step that failed: conditions re-run the leaving, everything else re-runs the element.</summary>
    public async Task RetryIncidentAsync(InstanceContext instance, ExecutionState execution, IncidentRecord incident)
    {
        await ResolveIncidentRowAsync(instance, incident.Id);
        execution.IncidentId = null;
        execution.Wait = WaitKind.None;
        var node = instance.Node(execution);
        if (incident.Type == "condition")
        {
            C.Agenda.Enqueue(() => Leave(instance, execution, node, asyncAfterDone: true));
        }
        else
        {
            C.Agenda.EnqueueExecute(instance, execution, node);
        }
    }

    /// <summary>A job ran out of retries: an incident that points at the job; retrying it gives the job its retries back.</summary>
    public void RaiseJobIncident(InstanceContext? instance, JobRecord job, string message)
    {
        var incident = new IncidentRecord
        {
            Id = C.NewId(),
            InstanceId = job.InstanceId ?? Guid.Empty,
            ExecutionId = job.ExecutionId,
            DefinitionId = job.DefinitionId,
            DefinitionKey = job.DefinitionKey,
            ElementId = job.ElementId,
            JobId = job.Id,
            Type = "failedJob",
            Message = message,
            State = IncidentState.Open,
            CreatedAt = C.Now,
        };
        C.Tx.AddIncident(incident);
        if (instance is not null)
        {
            if (instance.Find(job.ExecutionId) is { } execution)
            {
                execution.IncidentId = incident.Id;
            }

            C.History(instance, HistoryEventType.IncidentCreated, job.ElementId, data: CommandContext.Json(new Dictionary<string, object?> { ["type"] = incident.Type, ["message"] = message }));
        }

        var snapshot = incident.Clone();
        C.Notify((l, ct) => l.OnIncidentCreatedAsync(snapshot, ct));
    }

    /// <summary>Variables returned by an external task handler: set as if the task's execution set them.</summary>
    public void SetInstanceVariablesFrom(InstanceContext instance, ExecutionState execution, IReadOnlyDictionary<string, object?>? variables)
    {
        if (variables is null)
        {
            return;
        }

        var access = Variables(instance, execution);
        foreach (var (name, value) in variables)
        {
            access.Set(name, Scripting.VariableValues.Normalize(value));
        }
    }
}
