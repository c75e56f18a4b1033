namespace WorkflowHub.Engine.Persistence;

/// <summary>Read-only queries the API needs. Results are detached copies: changing them changes nothing stored.</summary>
public interface IEngineQueryStore
{
    /// <summary>Every definition, ordered by key then version.</summary>
    Task<IReadOnlyList<DefinitionRecord>> ListDefinitionsAsync(CancellationToken cancellationToken = default);

    Task<DefinitionRecord?> FindDefinitionAsync(string definitionId, CancellationToken cancellationToken = default);

    Task<DefinitionRecord?> FindLatestDefinitionAsync(string key, CancellationToken cancellationToken = default);

    Task<DefinitionRecord?> FindDefinitionByVersionAsync(string key, int version, CancellationToken cancellationToken = default);

    Task<InstanceRecord?> FindInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default);

    Task<PagedResult<InstanceRecord>> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default);

    Task<UserTaskRecord?> FindTaskAsync(Guid taskId, CancellationToken cancellationToken = default);

    Task<PagedResult<UserTaskRecord>> QueryTasksAsync(TaskQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Where every active user task stands, in no particular order and read in one pass, so an application can match all
    /// its open loops against its own rows without paging through (or holding) every task record.
    /// </summary>
    IAsyncEnumerable<ActiveTaskPosition> StreamActiveTaskPositionsAsync(CancellationToken cancellationToken = default);

    /// <summary>The instance's history ordered by <see cref="HistoryEventRecord.Sequence"/>.</summary>
    Task<IReadOnlyList<HistoryEventRecord>> GetHistoryAsync(Guid instanceId, CancellationToken cancellationToken = default);

    Task<PagedResult<IncidentRecord>> QueryIncidentsAsync(IncidentQuery query, CancellationToken cancellationToken = default);

    /// <summary>The instance's pending jobs, ordered by due time.</summary>
    Task<IReadOnlyList<JobRecord>> GetJobsByInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default);

    /// <summary>Message subscriptions by name; <paramref name="businessKey"/> non-null restricts to instances with that business key (start subscriptions never match a business key filter).</summary>
    Task<IReadOnlyList<EventSubscriptionRecord>> FindMessageSubscriptionsAsync(string messageName, string? businessKey, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<EventSubscriptionRecord>> GetSubscriptionsByInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default);
}
