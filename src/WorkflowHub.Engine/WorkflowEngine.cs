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

    private static InstanceView ToView(InstanceRecord record, InstanceDocument document, IReadOnlyList<IncidentRecord> incidents)
    {
        // Plain loops: every start and every read of an instance builds a view.
        Dictionary<string, object?>? rootVariables = null;
        var active = new List<string>();
        foreach (var e in document.Executions)
        {
            if (e.Kind == ExecutionKind.Root)
            {
                rootVariables ??= e.Variables ?? EmptyVariables;
            }
            else if (e.ElementId is { } elementId && !active.Contains(elementId))
            {
                active.Add(elementId);
            }
        }

        var variables = new Dictionary<string, object?>(rootVariables ?? EmptyVariables, StringComparer.Ordinal);
        return new InstanceView(
            record.Id, record.DefinitionId, record.DefinitionKey, record.DefinitionVersion, record.BusinessKey, record.State,
            record.ParentInstanceId, record.StartedAt, record.EndedAt, record.StartedBy, variables, active,
            document.CompletedElements.ToList(), incidents);
    }

    private static readonly Dictionary<string, object?> EmptyVariables = new(StringComparer.Ordinal);

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
