using System.Runtime.InteropServices;

namespace WorkflowHub.Engine.Persistence.InMemory;

/// <summary>Buffers writes and applies them under the store's lock at commit, after checking concurrency.</summary>
internal sealed class InMemoryEngineTransaction(InMemoryEngineStore store) : IEngineTransaction, IHistoryRowWriter
{
    // Most commands write only some kinds of rows: the buffers are created on first use.
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

    private static class None
    {
        public static readonly List<DefinitionRecord> Definitions = [];
        public static readonly Dictionary<Guid, (InstanceRecord Instance, long Expected)> Instances = [];
        public static readonly Dictionary<Guid, UserTaskRecord> Tasks = [];
        public static readonly Dictionary<Guid, JobRecord?> Jobs = [];
        public static readonly Dictionary<Guid, EventSubscriptionRecord?> Subscriptions = [];
        public static readonly Dictionary<Guid, IncidentRecord> Incidents = [];
        public static readonly List<InstanceHistory> History = [];
    }
    private bool _committed;

    public Task<DefinitionRecord?> FindDefinitionAsync(string definitionId, CancellationToken cancellationToken = default) => store.FindDefinitionAsync(definitionId, cancellationToken);

    public Task<DefinitionRecord?> FindLatestDefinitionAsync(string key, CancellationToken cancellationToken = default) => store.FindLatestDefinitionAsync(key, cancellationToken);

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

    public void AppendHistory(HistoryEventRecord historyEvent) => AppendHistory(historyEvent.InstanceId, HistoryRow.From(historyEvent));

    public void AppendHistory(Guid instanceId, in HistoryRow row) => BufferedHistory(instanceId).Add(in row);

    private InstanceHistory BufferedHistory(Guid instanceId)
    {
        if (_history is null || _history.InstanceId == instanceId)
        {
            return _history ??= new InstanceHistory(instanceId);
        }

        var others = _otherHistory ??= [];
        foreach (var buffer in others)
        {
            if (buffer.InstanceId == instanceId)
            {
                return buffer;
            }
        }

        var created = new InstanceHistory(instanceId);
        others.Add(created);
        return created;
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
        foreach (var definition in _newDefinitions ?? None.Definitions)
        {
            if (store.Definitions.ContainsKey(definition.Id) || store.Definitions.Values.Any(d => d.Key == definition.Key && d.Version == definition.Version))
            {
                throw new ConcurrencyException($"Definition '{definition.Key}' version {definition.Version} was deployed concurrently.");
            }
        }

        foreach (var (id, (_, expected)) in _updatedInstances ?? None.Instances)
        {
            if (!store.Instances.TryGetValue(id, out var current) || current.Version != expected)
            {
                throw new ConcurrencyException($"Instance {id} was changed by another command.");
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
        foreach (var definition in _newDefinitions ?? None.Definitions)
        {
            store.Definitions[definition.Id] = definition;
        }

        foreach (var instance in _newInstances)
        {
            store.Instances[instance.Id] = instance;
        }

        foreach (var (id, (instance, _)) in _updatedInstances ?? None.Instances)
        {
            store.Instances[id] = instance;
        }

        foreach (var (id, task) in _tasks ?? None.Tasks)
        {
            store.Tasks[id] = task;
        }

        foreach (var (id, job) in _jobs ?? None.Jobs)
        {
            if (job is null)
            {
                store.Jobs.Remove(id);
            }
            else
            {
                store.Jobs[id] = job;
            }
        }

        foreach (var (id, subscription) in _subscriptions ?? None.Subscriptions)
        {
            if (subscription is null)
            {
                store.Subscriptions.Remove(id);
            }
            else
            {
                store.Subscriptions[id] = subscription;
            }
        }

        foreach (var (id, incident) in _incidents ?? None.Incidents)
        {
            store.Incidents[id] = incident;
        }

        if (_history is null)
        {
            return;
        }

        ApplyHistory(_history);
        foreach (var buffered in _otherHistory ?? None.History)
        {
            ApplyHistory(buffered);
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
}
