namespace WorkflowHub.Engine.Persistence.InMemory;

/// <summary>
/// A thread-safe store in process memory with the same semantics as a database store: buffered writes applied
/// atomically at commit, optimistic concurrency on instances, unique (key, version) definitions, copies in and out.
/// Used by unit tests, benchmarks and single-process demos.
/// </summary>
public sealed class InMemoryEngineStore : IEngineStore
{
    private readonly Lock _gate = new();
    internal readonly Dictionary<string, DefinitionRecord> Definitions = [];
    internal readonly Dictionary<Guid, InstanceRecord> Instances = [];
    internal readonly Dictionary<Guid, UserTaskRecord> Tasks = [];
    internal readonly Dictionary<Guid, JobRecord> Jobs = [];
    internal readonly Dictionary<Guid, EventSubscriptionRecord> Subscriptions = [];
    internal readonly Dictionary<Guid, IncidentRecord> Incidents = [];
    internal readonly Dictionary<Guid, InstanceHistory> History = [];

    public Task<IEngineTransaction> BeginAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IEngineTransaction>(new InMemoryEngineTransaction(this));

    internal T Read<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    internal void Apply(InMemoryEngineTransaction transaction)
    {
        lock (_gate)
        {
            transaction.Validate();
            transaction.ApplyTo();
        }
    }

    public Task<IReadOnlyList<JobRecord>> AcquireDueJobsAsync(string lockOwner, DateTimeOffset now, TimeSpan lockDuration, int max, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var acquired = Jobs.Values
                .Where(j => j.DueAt <= now && j.Retries > 0 && (j.LockOwner is null || j.LockExpiresAt <= now))
                .OrderByDescending(j => j.Priority).ThenBy(j => j.DueAt)
                .Take(max)
                .ToList();
            foreach (var job in acquired)
            {
                job.LockOwner = lockOwner;
                job.LockExpiresAt = now + lockDuration;
            }

            return Task.FromResult<IReadOnlyList<JobRecord>>(acquired.ConvertAll(j => j.Clone()));
        }
    }

    public Task<DateTimeOffset?> GetNextJobDueAtAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Read(() => Jobs.Values
            .Where(j => j.Retries > 0)
            .Select(j => j.LockOwner is null || j.LockExpiresAt is null ? j.DueAt : Max(j.DueAt, j.LockExpiresAt.Value))
            .Select(d => (DateTimeOffset?)d)
            .Min()));

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    public Task<IReadOnlyList<DefinitionRecord>> ListDefinitionsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DefinitionRecord>>(Read(() => Definitions.Values.OrderBy(d => d.Key, StringComparer.Ordinal).ThenBy(d => d.Version).Select(CopyDefinition).ToList()));

    public Task<DefinitionRecord?> FindDefinitionAsync(string definitionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Read(() => Definitions.TryGetValue(definitionId, out var d) ? CopyDefinition(d) : null));

    public Task<DefinitionRecord?> FindLatestDefinitionAsync(string key, CancellationToken cancellationToken = default)
    {
        // Every start asks this: a plain lock instead of a closure and a delegate per call.
        lock (_gate)
        {
            return Task.FromResult(LatestDefinition(key));
        }
    }

    private DefinitionRecord? LatestDefinition(string key) => LatestStoredDefinition(key) is { } latest ? CopyDefinition(latest) : null;

    internal string? LatestDefinitionId(string key)
    {
        lock (_gate)
        {
            return LatestStoredDefinition(key)?.Id;
        }
    }

    /// <summary>The stored object itself: callers under the lock take a copy or an immutable field of it.</summary>
    private DefinitionRecord? LatestStoredDefinition(string key)
    {
        DefinitionRecord? latest = null;
        foreach (var d in Definitions.Values)
        {
            if (d.Key == key && (latest is null || d.Version > latest.Version))
            {
                latest = d;
            }
        }

        return latest;
    }

    public Task<DefinitionRecord?> FindDefinitionByVersionAsync(string key, int version, CancellationToken cancellationToken = default) =>
        Task.FromResult(Read(() => Definitions.Values.Where(d => d.Key == key && d.Version == version).Select(CopyDefinition).FirstOrDefault()));

    internal static DefinitionRecord CopyDefinition(DefinitionRecord d) => new()
    {
        Id = d.Id, Key = d.Key, Version = d.Version, Name = d.Name, Xml = d.Xml, ContentHash = d.ContentHash, DeployedAt = d.DeployedAt, DeployedBy = d.DeployedBy,
    };

    public Task<InstanceRecord?> FindInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(Instances.TryGetValue(instanceId, out var i) ? InstanceRecordCopy.Of(i) : null);
        }
    }

    public Task<PagedResult<InstanceRecord>> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(Read(() =>
        {
            var matches = Instances.Values.Where(i =>
                    (query.DefinitionKey is null || i.DefinitionKey == query.DefinitionKey)
                    && (query.DefinitionId is null || i.DefinitionId == query.DefinitionId)
                    && (query.BusinessKey is null || i.BusinessKey == query.BusinessKey)
                    && (query.State is null || i.State == query.State)
                    && (query.ParentInstanceId is null || i.ParentInstanceId == query.ParentInstanceId))
                .OrderByDescending(i => i.StartedAt).ThenBy(i => i.Id)
                .ToList();
            return new PagedResult<InstanceRecord>(matches.Skip(query.Skip).Take(query.Take).Select(InstanceRecordCopy.Of).ToList(), matches.Count);
        }));

    public Task<UserTaskRecord?> FindTaskAsync(Guid taskId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(Tasks.TryGetValue(taskId, out var t) ? t.Clone() : null);
        }
    }

    public Task<PagedResult<UserTaskRecord>> QueryTasksAsync(TaskQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(Read(() =>
        {
            var filtered = Tasks.Values.Where(t =>
                (query.State is null || t.State == query.State)
                && (query.Assignee is null || t.Assignee == query.Assignee)
                && (query.Unassigned is null || (t.Assignee is null) == query.Unassigned)
                && (query.InstanceId is null || t.InstanceId == query.InstanceId)
                && (query.BusinessKey is null || t.BusinessKey == query.BusinessKey)
                && (query.BusinessKeys is null || (t.BusinessKey is not null && query.BusinessKeys.Contains(t.BusinessKey)))
                && (query.DefinitionKey is null || t.DefinitionKey == query.DefinitionKey)
                && (query.ElementId is null || t.ElementId == query.ElementId)
                && (query.DueBefore is null || (t.DueDate is not null && t.DueDate < query.DueBefore))
                && ((query.CandidateUser is null && query.CandidateGroups is null)
                    || (query.CandidateUser is not null && t.CandidateUsers.Contains(query.CandidateUser))
                    || (query.CandidateGroups is not null && t.CandidateGroups.Any(query.CandidateGroups.Contains))));
            var ordered = query.Sort switch
            {
                TaskSort.DueDate => filtered.OrderBy(t => t.DueDate is null).ThenBy(t => t.DueDate).ThenBy(t => t.CreatedAt),
                TaskSort.Priority => filtered.OrderByDescending(t => t.Priority).ThenBy(t => t.CreatedAt),
                _ => filtered.OrderBy(t => t.CreatedAt),
            };
            var matches = ordered.ThenBy(t => t.Id).ToList();
            return new PagedResult<UserTaskRecord>(matches.Skip(query.Skip).Take(query.Take).Select(t => t.Clone()).ToList(), matches.Count);
        }));

    /// <remarks>Copied under the lock and yielded outside it: the caller may run commands while it reads.</remarks>
    public IAsyncEnumerable<ActiveTaskPosition> StreamActiveTaskPositionsAsync(CancellationToken cancellationToken = default) =>
        Read(() => Tasks.Values
            .Where(t => t.State == UserTaskState.Active)
            .Select(t => new ActiveTaskPosition(t.DefinitionKey, t.InstanceId, t.ElementId))
            .ToList())
            .ToAsyncEnumerable();

    public Task<IReadOnlyList<HistoryEventRecord>> GetHistoryAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<HistoryEventRecord>>(Read(() => History.TryGetValue(instanceId, out var events) ? events.ToRecords() : []));

    public Task<PagedResult<IncidentRecord>> QueryIncidentsAsync(IncidentQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(Read(() =>
        {
            var matches = Incidents.Values.Where(i =>
                    (query.InstanceId is null || i.InstanceId == query.InstanceId)
                    && (query.DefinitionKey is null || i.DefinitionKey == query.DefinitionKey)
                    && (query.State is null || i.State == query.State))
                .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
                .ToList();
            return new PagedResult<IncidentRecord>(matches.Skip(query.Skip).Take(query.Take).Select(i => i.Clone()).ToList(), matches.Count);
        }));

    public Task<IReadOnlyList<JobRecord>> GetJobsByInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<JobRecord>>(Read(() => Jobs.Values.Where(j => j.InstanceId == instanceId).OrderBy(j => j.DueAt).Select(j => j.Clone()).ToList()));

    public Task<IReadOnlyList<EventSubscriptionRecord>> FindMessageSubscriptionsAsync(string messageName, string? businessKey, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<EventSubscriptionRecord>>(Read(() => Subscriptions.Values
            .Where(s => s.MessageName == messageName && (businessKey is null || (s.InstanceId is not null && s.BusinessKey == businessKey)))
            .OrderBy(s => s.CreatedAt)
            .Select(s => s.Clone())
            .ToList()));

    public Task<IReadOnlyList<EventSubscriptionRecord>> GetSubscriptionsByInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<EventSubscriptionRecord>>(Read(() => Subscriptions.Values.Where(s => s.InstanceId == instanceId).Select(s => s.Clone()).ToList()));
}
