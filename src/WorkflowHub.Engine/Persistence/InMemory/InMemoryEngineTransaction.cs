using System.Runtime.InteropServices;

namespace WorkflowHub.Engine.Persistence.InMemory;

/// <summary>Buffers writes and applies them under the store's lock at commit, after checking concurrency.</summary>
internal sealed class InMemoryEngineTransaction(InMemoryEngineStore store) : IEngineTransaction, IHistoryRowWriter, ILatestDefinitionIds
{
    // Most commands write only some kinds of rows: the buffers are created on first use (and skipped at commit while null).
    private List<DefinitionRecord>? _newDefinitions;
    // A command creates few instances (usually one): a list searched by id beats a dictionary per command.
    private readonly List<InstanceRecord> _newInstances = new(1);
    private Dictionary<Guid, (InstanceRecord Instance, long Expected)>? _updatedInstances;
    private Dictionary<Guid, UserTaskRecord>? _tasks;
    private Dictionary<Guid, JobRecord?>? _jobs;
    private Dictionary<Guid, EventSubscriptionRecord?>? _subscriptions;
    private Dictionary<Guid, IncidentRecord>? _incidents;
    // History per instance, as the store keeps it. A command writes the history of one instance (a call activity
    // adds a second): that one needs no list around it.
    private InstanceHistory? _history;
    private List<InstanceHistory>? _otherHistory;

    private bool _committed;

    public Task<DefinitionRecord?> FindDefinitionAsync(string definitionId, CancellationToken cancellationToken = default) => store.FindDefinitionAsync(definitionId, cancellationToken);

    public Task<DefinitionRecord?> FindLatestDefinitionAsync(string key, CancellationToken cancellationToken = default) => store.FindLatestDefinitionAsync(key, cancellationToken);

    public string? FindLatestDefinitionId(string key) => store.LatestDefinitionId(key);

    public Task<DefinitionRecord?> FindDefinitionByVersionAsync(string key, int version, CancellationToken cancellationToken = default) => store.FindDefinitionByVersionAsync(key, version, cancellationToken);

    public void AddDefinition(DefinitionRecord definition) => (_newDefinitions ??= []).Add(InMemoryEngineStore.CopyDefinition(definition));

    public Task<InstanceRecord?> FindInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default) => store.FindInstanceAsync(instanceId, cancellationToken);

    public void AddInstance(InstanceRecord instance)
    {
        var index = NewInstanceIndex(instance.Id);
        if (index < 0)
        {
            _newInstances.Add(InstanceRecordCopy.Of(instance));
        }
        else
        {
            _newInstances[index] = InstanceRecordCopy.Of(instance);
        }
    }

    private int NewInstanceIndex(Guid id)
    {
        for (var i = 0; i < _newInstances.Count; i++)
        {
            if (_newInstances[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    public void UpdateInstance(InstanceRecord instance, long expectedVersion)
    {
        var index = NewInstanceIndex(instance.Id);
        if (index >= 0)
        {
            _newInstances[index] = InstanceRecordCopy.Of(instance);
            return;
        }

        (_updatedInstances ??= [])[instance.Id] = (InstanceRecordCopy.Of(instance), expectedVersion);
    }

    public Task<UserTaskRecord?> FindTaskAsync(Guid taskId, CancellationToken cancellationToken = default) => store.FindTaskAsync(taskId, cancellationToken);

    public Task<IReadOnlyList<UserTaskRecord>> GetActiveTasksByInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<UserTaskRecord>>(store.Read(() => store.Tasks.Values.Where(t => t.InstanceId == instanceId && t.State == UserTaskState.Active).Select(t => t.Clone()).ToList()));

    public void AddTask(UserTaskRecord task) => (_tasks ??= [])[task.Id] = task.Clone();

    public void UpdateTask(UserTaskRecord task) => (_tasks ??= [])[task.Id] = task.Clone();

    public Task<JobRecord?> FindJobAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.Read(() => store.Jobs.TryGetValue(jobId, out var j) ? j.Clone() : null));

    public Task<IReadOnlyList<JobRecord>> GetJobsByInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default) => store.GetJobsByInstanceAsync(instanceId, cancellationToken);

    public Task<IReadOnlyList<JobRecord>> GetStartJobsAsync(string definitionKey, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<JobRecord>>(store.Read(() => store.Jobs.Values.Where(j => j.InstanceId is null && j.DefinitionKey == definitionKey).Select(j => j.Clone()).ToList()));

    public void AddJob(JobRecord job) => (_jobs ??= [])[job.Id] = job.Clone();

    public void UpdateJob(JobRecord job) => (_jobs ??= [])[job.Id] = job.Clone();

    public void DeleteJob(Guid jobId) => (_jobs ??= [])[jobId] = null;

    public Task<IReadOnlyList<EventSubscriptionRecord>> GetSubscriptionsByInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default) => store.GetSubscriptionsByInstanceAsync(instanceId, cancellationToken);

    public Task<IReadOnlyList<EventSubscriptionRecord>> GetStartSubscriptionsAsync(string definitionKey, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<EventSubscriptionRecord>>(store.Read(() => store.Subscriptions.Values.Where(s => s.InstanceId is null && s.DefinitionKey == definitionKey).Select(s => s.Clone()).ToList()));

    public Task<IReadOnlyList<EventSubscriptionRecord>> FindMessageSubscriptionsAsync(string messageName, string? businessKey, CancellationToken cancellationToken = default) => store.FindMessageSubscriptionsAsync(messageName, businessKey, cancellationToken);

    public void AddSubscription(EventSubscriptionRecord subscription) => (_subscriptions ??= [])[subscription.Id] = subscription.Clone();

    public void DeleteSubscription(Guid subscriptionId) => (_subscriptions ??= [])[subscriptionId] = null;

    public Task<IncidentRecord?> FindIncidentAsync(Guid incidentId, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.Read(() => store.Incidents.TryGetValue(incidentId, out var i) ? i.Clone() : null));

    public Task<IReadOnlyList<IncidentRecord>> GetOpenIncidentsByInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<IncidentRecord>>(store.Read(() => store.Incidents.Values.Where(i => i.InstanceId == instanceId && i.State == IncidentState.Open).Select(i => i.Clone()).ToList()));

    public void AddIncident(IncidentRecord incident) => (_incidents ??= [])[incident.Id] = incident.Clone();

    public void UpdateIncident(IncidentRecord incident) => (_incidents ??= [])[incident.Id] = incident.Clone();

    public void AppendHistory(HistoryEventRecord historyEvent) => BufferedHistory(historyEvent.InstanceId).Add(HistoryRow.From(historyEvent));

    public void AppendHistory(InstanceHistory rows)
    {
        // A command's rows for an instance with nothing buffered yet (every start) become the buffer, nothing copied.
        if (FindBuffered(rows.InstanceId) is { } buffered)
        {
            buffered.AddRange(rows);
        }
        else if (_history is null)
        {
            _history = rows;
        }
        else
        {
            (_otherHistory ??= []).Add(rows);
        }
    }

    private InstanceHistory BufferedHistory(Guid instanceId)
    {
        if (FindBuffered(instanceId) is { } buffered)
        {
            return buffered;
        }

        var created = new InstanceHistory(instanceId);
        AppendHistory(created);
        return created;
    }

    private InstanceHistory? FindBuffered(Guid instanceId)
    {
        if (_history is null || _history.InstanceId == instanceId)
        {
            return _history;
        }

        if (_otherHistory is not null)
        {
            foreach (var buffer in _otherHistory)
            {
                if (buffer.InstanceId == instanceId)
                {
                    return buffer;
                }
            }
        }

        return null;
    }

    public Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (_committed)
        {
            throw new InvalidOperationException("The transaction was already committed.");
        }

        store.Apply(this);
        _committed = true;
        return Task.CompletedTask;
    }

    /// <summary>Called under the store lock: throws before anything is applied.</summary>
    internal void Validate()
    {
        if (_newDefinitions is not null)
        {
            foreach (var definition in _newDefinitions)
            {
                if (store.Definitions.ContainsKey(definition.Id) || store.Definitions.Values.Any(d => d.Key == definition.Key && d.Version == definition.Version))
                {
                    throw new ConcurrencyException($"Definition '{definition.Key}' version {definition.Version} was deployed concurrently.");
                }
            }
        }

        if (_updatedInstances is not null)
        {
            foreach (var (id, (_, expected)) in _updatedInstances)
            {
                if (!store.Instances.TryGetValue(id, out var current) || current.Version != expected)
                {
                    throw new ConcurrencyException($"Instance {id} was changed by another command.");
                }
            }
        }

        foreach (var instance in _newInstances)
        {
            if (store.Instances.ContainsKey(instance.Id))
            {
                throw new ConcurrencyException($"Instance {instance.Id} already exists.");
            }
        }
    }

    internal void ApplyTo()
    {
        if (_newDefinitions is not null)
        {
            foreach (var definition in _newDefinitions)
            {
                store.Definitions[definition.Id] = definition;
            }
        }

        foreach (var instance in _newInstances)
        {
            store.Instances[instance.Id] = instance;
        }

        if (_updatedInstances is not null)
        {
            foreach (var (id, (instance, _)) in _updatedInstances)
            {
                store.Instances[id] = instance;
            }
        }

        if (_tasks is not null)
        {
            foreach (var (id, task) in _tasks)
            {
                store.Tasks[id] = task;
            }
        }

        ApplyWrites(_jobs, store.Jobs);
        ApplyWrites(_subscriptions, store.Subscriptions);

        if (_incidents is not null)
        {
            foreach (var (id, incident) in _incidents)
            {
                store.Incidents[id] = incident;
            }
        }

        if (_history is null)
        {
            return;
        }

        ApplyHistory(_history);
        if (_otherHistory is not null)
        {
            foreach (var buffered in _otherHistory)
            {
                ApplyHistory(buffered);
            }
        }

        // The buffers may now be the store's own: a write through this spent transaction must not reach them.
        _history = null;
        _otherHistory = null;
    }

    private void ApplyHistory(InstanceHistory buffered)
    {
        ref var stored = ref CollectionsMarshal.GetValueRefOrAddDefault(store.History, buffered.InstanceId, out _);
        if (stored is null)
        {
            // The instance's first rows (every start): the buffer becomes the stored history, nothing is copied.
            stored = buffered;
        }
        else
        {
            stored.AddRange(buffered);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Puts each written row into the store; a null row is a delete.</summary>
    private static void ApplyWrites<TRecord>(Dictionary<Guid, TRecord?>? writes, Dictionary<Guid, TRecord> stored)
        where TRecord : class
    {
        if (writes is null)
        {
            return;
        }

        foreach (var (id, record) in writes)
        {
            if (record is null)
            {
                stored.Remove(id);
            }
            else
            {
                stored[id] = record;
            }
        }
    }
}
