namespace WorkflowHub.Engine.Persistence;

/// <summary>
/// A unit of work. Reads see committed data only; the engine keeps track of what it wrote itself in the command.
/// Writes are buffered and applied atomically by <see cref="CommitAsync"/>; disposing without commit discards them.
/// Optimistic concurrency: <see cref="UpdateInstance"/> succeeds at commit only if the stored version still equals
/// the expected one, otherwise commit throws <see cref="ConcurrencyException"/> and nothing is applied. Adding a
/// definition whose (Key, Version) exists also throws <see cref="ConcurrencyException"/> at commit.
/// </summary>
public interface IEngineTransaction : IAsyncDisposable
{
    Task<DefinitionRecord?> FindDefinitionAsync(string definitionId, CancellationToken cancellationToken = default);

    Task<DefinitionRecord?> FindLatestDefinitionAsync(string key, CancellationToken cancellationToken = default);

    Task<DefinitionRecord?> FindDefinitionByVersionAsync(string key, int version, CancellationToken cancellationToken = default);

    void AddDefinition(DefinitionRecord definition);

    Task<InstanceRecord?> FindInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default);

    void AddInstance(InstanceRecord instance);

    /// <summary>Saves <paramref name="instance"/> (whose Version the engine has already set to expectedVersion + 1).</summary>
    void UpdateInstance(InstanceRecord instance, long expectedVersion);

    Task<UserTaskRecord?> FindTaskAsync(Guid taskId, CancellationToken cancellationToken = default);

    /// <summary>Active tasks of the instance.</summary>
    Task<IReadOnlyList<UserTaskRecord>> GetActiveTasksByInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default);

    void AddTask(UserTaskRecord task);

    void UpdateTask(UserTaskRecord task);

    Task<JobRecord?> FindJobAsync(Guid jobId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<JobRecord>> GetJobsByInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default);

    /// <summary>Timer start jobs (InstanceId null) of every version of the key.</summary>
    Task<IReadOnlyList<JobRecord>> GetStartJobsAsync(string definitionKey, CancellationToken cancellationToken = default);

    void AddJob(JobRecord job);

    void UpdateJob(JobRecord job);

    void DeleteJob(Guid jobId);

    Task<IReadOnlyList<EventSubscriptionRecord>> GetSubscriptionsByInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default);

    /// <summary>Message start subscriptions (InstanceId null) of every version of the key.</summary>
    Task<IReadOnlyList<EventSubscriptionRecord>> GetStartSubscriptionsAsync(string definitionKey, CancellationToken cancellationToken = default);

    /// <summary>See <see cref="IEngineQueryStore.FindMessageSubscriptionsAsync"/>.</summary>
    Task<IReadOnlyList<EventSubscriptionRecord>> FindMessageSubscriptionsAsync(string messageName, string? businessKey, CancellationToken cancellationToken = default);

    void AddSubscription(EventSubscriptionRecord subscription);

    void DeleteSubscription(Guid subscriptionId);

    Task<IncidentRecord?> FindIncidentAsync(Guid incidentId, CancellationToken cancellationToken = default);

    /// <summary>Open incidents of the instance.</summary>
    Task<IReadOnlyList<IncidentRecord>> GetOpenIncidentsByInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default);

    void AddIncident(IncidentRecord incident);

    void UpdateIncident(IncidentRecord incident);

    void AppendHistory(HistoryEventRecord historyEvent);

    Task CommitAsync(CancellationToken cancellationToken = default);
}
