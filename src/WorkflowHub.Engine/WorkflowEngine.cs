using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Runtime;
using WorkflowHub.Engine.Runtime.Behaviors;
using WorkflowHub.Engine.Runtime.State;

namespace WorkflowHub.Engine;

/// <summary>The engine facade. Thread-safe: every call is an independent command.</summary>
public sealed partial class WorkflowEngine : IWorkflowEngine
{
    private readonly EngineServices _services;

    public WorkflowEngine(
        IEngineStore store,
        TimeProvider? timeProvider = null,
        WorkflowEngineOptions? options = null,
        IEnumerable<IExternalTaskHandler>? externalTaskHandlers = null,
        IBusinessRuleEvaluator? businessRuleEvaluator = null,
        IEnumerable<IEngineEventListener>? listeners = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var handlers = new Dictionary<string, IExternalTaskHandler>(StringComparer.Ordinal);
        foreach (var handler in externalTaskHandlers ?? [])
        {
            if (!handlers.TryAdd(handler.Topic, handler))
            {
                throw new ArgumentException($"Two external task handlers are registered for topic '{handler.Topic}'.", nameof(externalTaskHandlers));
            }
        }

        _services = new EngineServices(store, timeProvider ?? TimeProvider.System, options ?? new WorkflowEngineOptions(), handlers, businessRuleEvaluator, (listeners ?? []).ToList());
    }

    public IEngineQueryStore Queries => _services.Store;

    private IEngineStore Store => _services.Store;

    private DateTimeOffset Now => _services.Time.GetUtcNow();

    /// <summary>Runs one command: the body schedules work, the agenda runs to quiescence, everything commits together.</summary>
    private async Task RunCommandAsync(string? userId, Func<CommandContext, ProcessRunner, Task> body, CancellationToken cancellationToken)
    {
        await using var transaction = await Store.BeginAsync(cancellationToken);
        var command = new CommandContext(_services, transaction, userId, cancellationToken);
        var runner = new ProcessRunner(command);
        await body(command, runner);
        await runner.RunAsync();
        await command.CommitAsync();
        await command.DispatchNotificationsAsync();
    }

    /// <summary>
    /// The API's view of an instance. Both callers own <paramref name="document"/> and drop it afterwards (a finished
    /// command's instance, a document read for this call), so the root scope's variables are handed over, not copied.
    /// </summary>
    private static InstanceView ToView(InstanceRecord record, InstanceDocument document, IReadOnlyList<IncidentRecord> incidents)
    {
        // Plain loops: every start and every read of an instance builds a view.
        Dictionary<string, object?>? rootVariables = null;
        List<string>? active = null;
        foreach (var e in document.Executions)
        {
            if (e.Kind == ExecutionKind.Root)
            {
                rootVariables ??= e.Variables;
            }
            else if (e.ElementId is { } elementId)
            {
                active ??= [];
                if (!active.Contains(elementId))
                {
                    active.Add(elementId);
                }
            }
        }

        return new InstanceView(
            record.Id, record.DefinitionId, record.DefinitionKey, record.DefinitionVersion, record.BusinessKey, record.State,
            record.ParentInstanceId, record.StartedAt, record.EndedAt, record.StartedBy,
            rootVariables ?? new Dictionary<string, object?>(StringComparer.Ordinal), (IReadOnlyList<string>?)active ?? [],
            document.CompletedElements.ToArray(), incidents);
    }

    public async Task<InstanceView?> GetInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var record = await Store.FindInstanceAsync(instanceId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var incidents = await Store.QueryIncidentsAsync(new IncidentQuery { InstanceId = instanceId, Take = 1000 }, cancellationToken);
        return ToView(record, InstanceDocumentSerializer.Deserialize(record.Document), incidents.Items);
    }
}
