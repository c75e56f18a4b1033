using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using WorkflowHub.Engine.EntityFrameworkCore.Model;
using WorkflowHub.Engine.EntityFrameworkCore.Sqlite;
using WorkflowHub.Engine.EntityFrameworkCore.Sqlite.Sessions;

namespace WorkflowHub.Engine.EntityFrameworkCore.Store;

/// <summary>
/// One engine command on one context. Reads go straight to the database (no tracking, committed data — or the owner's
/// transaction when joined); writes are buffered as copies and staged into the change tracker only at commit, then saved
/// by one SaveChanges inside one database transaction (or a savepoint of the owner's transaction). On SQLite the usual
/// writes skip SaveChanges and go out as hand-written statements (EfEngineTransaction.DirectWrites.cs), and commits of one
/// process queue at the file's <see cref="SqliteWriterGate"/> instead of sleeping on SQLITE_BUSY. A SQLite command with
/// its own transaction runs on a kept-open <see cref="SqliteSession"/> (statements prepared once per connection) and
/// creates an EF context only if it needs one (a query without a direct form, or a commit with rare writes).
/// </summary>
internal sealed partial class EfEngineTransaction : IEngineTransaction
{
    private const string Savepoint = "engine_commit";

    private readonly bool _joinedAmbient;
    private readonly SqliteWriterGate? _writerGate;
    private readonly Func<EngineDbContext>? _createContext;
    private readonly SqliteSessionPool? _sessions;
    private readonly SqliteGroupCommit? _groupCommit;
    private EngineDbContext? _db;
    private SqliteSession? _session;

    /// <summary>A command on <paramref name="db"/> (its connection open), alone or joined to the owner's transaction.</summary>
    public EfEngineTransaction(EngineDbContext db, bool joinedAmbient, SqliteWriterGate? writerGate)
    {
        _db = db;
        _joinedAmbient = joinedAmbient;
        _writerGate = writerGate;
    }

    /// <summary>A SQLite command with its own transaction on a session of <paramref name="sessions"/>; a context is created only on demand.</summary>
    public EfEngineTransaction(Func<EngineDbContext> createContext, SqliteSessionPool sessions, SqliteWriterGate writerGate, SqliteGroupCommit groupCommit)
    {
        _createContext = createContext;
        _sessions = sessions;
        _writerGate = writerGate;
        _groupCommit = groupCommit;
    }

    private EngineDbContext Db => _db ??= _createContext!();

    private SqliteSession Session => _session ??= _sessions!.Rent();

    private readonly List<DefinitionRecord> _newDefinitions = [];
    private readonly Dictionary<Guid, InstanceRecord> _newInstances = [];
    private readonly Dictionary<Guid, (InstanceRecord Instance, long Expected)> _updatedInstances = [];
    private readonly Dictionary<Guid, (UserTaskRecord Task, WriteKind Kind)> _tasks = [];
    private readonly Dictionary<Guid, (JobRecord? Job, WriteKind Kind)> _jobs = [];
    private readonly Dictionary<Guid, (EventSubscriptionRecord? Subscription, WriteKind Kind)> _subscriptions = [];
    private readonly Dictionary<Guid, (IncidentRecord Incident, WriteKind Kind)> _incidents = [];
    private readonly List<HistoryEventRecord> _history = [];

    // Rows as this transaction read them. An update of such a row writes only the columns that changed, so SQLite touches
    // only the indexes over those columns, and unchanged candidate lists are not rewritten into engine_task_candidates.
    private readonly Dictionary<Guid, InstanceRecord> _instancesAsRead = [];
    private readonly Dictionary<Guid, UserTaskRecord> _tasksAsRead = [];
    private bool _committed;

    private enum WriteKind
    {
        Insert,
        Update,
        Delete,
    }

    public Task<DefinitionRecord?> FindDefinitionAsync(string definitionId, CancellationToken cancellationToken = default) =>
        CompiledQueries.DefinitionById(Db, definitionId, cancellationToken);

    public Task<DefinitionRecord?> FindLatestDefinitionAsync(string key, CancellationToken cancellationToken = default) =>
        CompiledQueries.LatestDefinition(Db, key, cancellationToken);

    public Task<DefinitionRecord?> FindDefinitionByVersionAsync(string key, int version, CancellationToken cancellationToken = default) =>
        CompiledQueries.DefinitionByVersion(Db, key, version, cancellationToken);

    public void AddDefinition(DefinitionRecord definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _newDefinitions.Add(RecordCopies.Copy(definition));
    }

    public async Task<InstanceRecord?> FindInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var instance = await ReadInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (instance is not null)
        {
            _instancesAsRead[instance.Id] = instance.Clone();
        }

        return instance;
    }

    public void AddInstance(InstanceRecord instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        _newInstances[instance.Id] = instance.Clone();
    }

    public void UpdateInstance(InstanceRecord instance, long expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (_newInstances.ContainsKey(instance.Id))
        {
            _newInstances[instance.Id] = instance.Clone();
            return;
        }

        _updatedInstances[instance.Id] = (instance.Clone(), expectedVersion);
    }

    public async Task<UserTaskRecord?> FindTaskAsync(Guid taskId, CancellationToken cancellationToken = default)
    {
        var task = await ReadTaskAsync(taskId, cancellationToken).ConfigureAwait(false);
        if (task is not null)
        {
            _tasksAsRead[task.Id] = task.Clone();
        }

        return task;
    }

    public async Task<IReadOnlyList<UserTaskRecord>> GetActiveTasksByInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var tasks = await CompiledQueries.ActiveTasksByInstance(Db, instanceId).CollectAsync(cancellationToken).ConfigureAwait(false);
        foreach (var task in tasks)
        {
            _tasksAsRead[task.Id] = task.Clone();
        }

        return tasks;
    }

    public void AddTask(UserTaskRecord task)
    {
        ArgumentNullException.ThrowIfNull(task);
        _tasks[task.Id] = (task.Clone(), WriteKind.Insert);
    }

    public void UpdateTask(UserTaskRecord task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var kind = _tasks.TryGetValue(task.Id, out var pending) && pending.Kind == WriteKind.Insert ? WriteKind.Insert : WriteKind.Update;
        _tasks[task.Id] = (task.Clone(), kind);
    }

    public Task<JobRecord?> FindJobAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        CompiledQueries.JobById(Db, jobId, cancellationToken);

    public Task<IReadOnlyList<JobRecord>> GetJobsByInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        CompiledQueries.JobsByInstance(Db, instanceId).CollectAsync(cancellationToken);

    public Task<IReadOnlyList<JobRecord>> GetStartJobsAsync(string definitionKey, CancellationToken cancellationToken = default) =>
        CompiledQueries.StartJobs(Db, definitionKey).CollectAsync(cancellationToken);

    public void AddJob(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);

        // Re-adding a job deleted earlier in this command: the row still exists, so it is an update.
        var kind = _jobs.TryGetValue(job.Id, out var pending) && pending.Kind == WriteKind.Delete ? WriteKind.Update : WriteKind.Insert;
        _jobs[job.Id] = (job.Clone(), kind);
    }

    public void UpdateJob(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var kind = _jobs.TryGetValue(job.Id, out var pending) && pending.Kind == WriteKind.Insert ? WriteKind.Insert : WriteKind.Update;
        _jobs[job.Id] = (job.Clone(), kind);
    }

    public void DeleteJob(Guid jobId)
    {
        if (_jobs.TryGetValue(jobId, out var pending) && pending.Kind == WriteKind.Insert)
        {
            _jobs.Remove(jobId);
            return;
        }

        _jobs[jobId] = (null, WriteKind.Delete);
    }

    public Task<IReadOnlyList<EventSubscriptionRecord>> GetSubscriptionsByInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        CompiledQueries.SubscriptionsByInstance(Db, instanceId).CollectAsync(cancellationToken);

    public Task<IReadOnlyList<EventSubscriptionRecord>> GetStartSubscriptionsAsync(string definitionKey, CancellationToken cancellationToken = default) =>
        CompiledQueries.StartSubscriptions(Db, definitionKey).CollectAsync(cancellationToken);

    public Task<IReadOnlyList<EventSubscriptionRecord>> FindMessageSubscriptionsAsync(string messageName, string? businessKey, CancellationToken cancellationToken = default) =>
        StoreQueries.MessageSubscriptions(Db, messageName, businessKey).CollectAsync(cancellationToken);

    public void AddSubscription(EventSubscriptionRecord subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var kind = _subscriptions.TryGetValue(subscription.Id, out var pending) && pending.Kind == WriteKind.Delete ? WriteKind.Update : WriteKind.Insert;
        _subscriptions[subscription.Id] = (subscription.Clone(), kind);
    }

    public void DeleteSubscription(Guid subscriptionId)
    {
        if (_subscriptions.TryGetValue(subscriptionId, out var pending) && pending.Kind == WriteKind.Insert)
        {
            _subscriptions.Remove(subscriptionId);
            return;
        }

        _subscriptions[subscriptionId] = (null, WriteKind.Delete);
    }

    public Task<IncidentRecord?> FindIncidentAsync(Guid incidentId, CancellationToken cancellationToken = default) =>
        CompiledQueries.IncidentById(Db, incidentId, cancellationToken);

    public Task<IReadOnlyList<IncidentRecord>> GetOpenIncidentsByInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        CompiledQueries.OpenIncidentsByInstance(Db, instanceId).CollectAsync(cancellationToken);

    public void AddIncident(IncidentRecord incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        _incidents[incident.Id] = (incident.Clone(), WriteKind.Insert);
    }

    public void UpdateIncident(IncidentRecord incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var kind = _incidents.TryGetValue(incident.Id, out var pending) && pending.Kind == WriteKind.Insert ? WriteKind.Insert : WriteKind.Update;
        _incidents[incident.Id] = (incident.Clone(), kind);
    }

    public void AppendHistory(HistoryEventRecord historyEvent)
    {
        ArgumentNullException.ThrowIfNull(historyEvent);
        _history.Add(RecordCopies.Copy(historyEvent));
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (_committed)
        {
            throw new InvalidOperationException("The transaction was already committed.");
        }

        try
        {
            if (_joinedAmbient)
            {
                // The owner commits; a savepoint keeps a failed engine commit from leaving half its rows in the owner's transaction.
                var owner = Db.Database.CurrentTransaction!;
                await owner.CreateSavepointAsync(Savepoint, cancellationToken).ConfigureAwait(false);
                try
                {
                    await WriteAsync(cancellationToken).ConfigureAwait(false);
                    await owner.ReleaseSavepointAsync(Savepoint, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    await owner.RollbackToSavepointAsync(Savepoint, CancellationToken.None).ConfigureAwait(false);
                    throw;
                }
            }
            else if (_sessions is not null)
            {
                await CommitInSessionAsync(cancellationToken).ConfigureAwait(false);
                _sessions.NoteCommit();
            }
            else if (_writerGate is not null)
            {
                using (await _writerGate.EnterAsync(cancellationToken).ConfigureAwait(false))
                {
                    await CommitOwnTransactionAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                await CommitOwnTransactionAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new ConcurrencyException("A row this command changes was changed by another command first.", exception);
        }
        catch (DbUpdateException exception) when (StoreErrors.IsUniqueViolation(exception))
        {
            throw new ConcurrencyException("A row this command adds was added by another command first.", exception);
        }
        catch (SqliteException exception) when (StoreErrors.IsUniqueViolation(exception))
        {
            throw new ConcurrencyException("A row this command adds was added by another command first.", exception);
        }
        finally
        {
            _db?.ChangeTracker.Clear();
        }

        _committed = true;
    }

    private async Task CommitOwnTransactionAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await WriteAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private Task WriteAsync(CancellationToken cancellationToken) =>
        CanWriteDirectly(out var writer) ? WriteDirectlyAsync(writer, cancellationToken) : SaveChangesAsync(cancellationToken);

    /// <summary>Deletes first (they may free candidate keys the inserts reuse), then every insert and update in one SaveChanges.</summary>
    private async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        var deletedJobs = _jobs.Where(j => j.Value.Kind == WriteKind.Delete).Select(j => j.Key).ToList();
        if (deletedJobs.Count > 0)
        {
            await Db.Jobs.Where(j => deletedJobs.Contains(j.Id)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        var deletedSubscriptions = _subscriptions.Where(s => s.Value.Kind == WriteKind.Delete).Select(s => s.Key).ToList();
        if (deletedSubscriptions.Count > 0)
        {
            await Db.Subscriptions.Where(s => deletedSubscriptions.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        var rewrittenCandidates = _tasks.Values
            .Where(t => t.Kind == WriteKind.Update && !CandidatesUnchanged(t.Task))
            .Select(t => t.Task.Id)
            .ToList();
        if (rewrittenCandidates.Count > 0)
        {
            await Db.TaskCandidates.Where(c => rewrittenCandidates.Contains(c.TaskId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        var reoffered = ReofferedTasks();
        if (reoffered.Count > 0)
        {
            await Db.TaskOffers.Where(o => reoffered.Contains(o.TaskId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        Stage(rewrittenCandidates);
        Db.TaskOffers.AddRange(NewOffers(reoffered));
        await Db.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Updated tasks whose open offers must be rewritten: they were claimed, completed or cancelled, reopened, or changed
    /// candidates or sort keys while open. A task updated without having been read is rewritten to be safe.
    /// </summary>
    private List<Guid> ReofferedTasks()
    {
        List<Guid>? reoffered = null;
        foreach (var (task, kind) in _tasks.Values)
        {
            if (kind == WriteKind.Update && (!_tasksAsRead.TryGetValue(task.Id, out var read) || TaskOffer.Differ(read, task)))
            {
                (reoffered ??= []).Add(task.Id);
            }
        }

        return reoffered ?? [];
    }

    /// <summary>The offers to insert: those of new open tasks, and the current ones of the <paramref name="reoffered"/> tasks.</summary>
    private List<TaskOffer> NewOffers(List<Guid> reoffered)
    {
        var offers = new List<TaskOffer>();
        foreach (var (task, kind) in _tasks.Values)
        {
            if (kind == WriteKind.Insert)
            {
                TaskOffer.AddFor(task, offers);
            }
        }

        foreach (var id in reoffered)
        {
            TaskOffer.AddFor(_tasks[id].Task, offers);
        }

        return offers;
    }

    private bool CandidatesUnchanged(UserTaskRecord task) =>
        _tasksAsRead.TryGetValue(task.Id, out var read)
        && read.CandidateUsers.SequenceEqual(task.CandidateUsers, StringComparer.Ordinal)
        && read.CandidateGroups.SequenceEqual(task.CandidateGroups, StringComparer.Ordinal);

    private void Stage(List<Guid> rewrittenCandidates)
    {
        Db.Definitions.AddRange(_newDefinitions);
        Db.Instances.AddRange(_newInstances.Values);
        foreach (var (instance, expected) in _updatedInstances.Values)
        {
            EntityEntry<InstanceRecord> entry;
            if (_instancesAsRead.TryGetValue(instance.Id, out var read))
            {
                entry = AttachAsRead(Db.Instances, instance, read);
            }
            else
            {
                entry = Db.Instances.Entry(instance);
                entry.State = EntityState.Modified;
            }

            entry.Property(i => i.Version).OriginalValue = expected;

            // Always part of the UPDATE, so the version check runs even if nothing else changed.
            entry.Property(i => i.Version).IsModified = true;
        }

        foreach (var (task, kind) in _tasks.Values)
        {
            if (kind == WriteKind.Insert)
            {
                Db.Tasks.Add(task);
                Db.TaskCandidates.AddRange(TaskCandidate.For(task));
            }
            else if (_tasksAsRead.TryGetValue(task.Id, out var read))
            {
                AttachAsRead(Db.Tasks, task, read);
            }
            else
            {
                Db.Tasks.Entry(task).State = EntityState.Modified;
            }
        }

        foreach (var id in rewrittenCandidates)
        {
            Db.TaskCandidates.AddRange(TaskCandidate.For(_tasks[id].Task));
        }

        foreach (var (job, kind) in _jobs.Values)
        {
            if (job is not null)
            {
                Db.Jobs.Entry(job).State = kind == WriteKind.Insert ? EntityState.Added : EntityState.Modified;
            }
        }

        foreach (var (subscription, kind) in _subscriptions.Values)
        {
            if (subscription is not null)
            {
                Db.Subscriptions.Entry(subscription).State = kind == WriteKind.Insert ? EntityState.Added : EntityState.Modified;
            }
        }

        foreach (var (incident, kind) in _incidents.Values)
        {
            Db.Incidents.Entry(incident).State = kind == WriteKind.Insert ? EntityState.Added : EntityState.Modified;
        }

        Db.History.AddRange(_history);
    }

    /// <summary>Tracks <paramref name="current"/> with <paramref name="read"/> as its original values: SaveChanges then updates only the columns that differ.</summary>
    private static EntityEntry<T> AttachAsRead<T>(DbSet<T> set, T current, T read)
        where T : class
    {
        var entry = set.Attach(current);
        entry.OriginalValues.SetValues(read);
        entry.DetectChanges();
        return entry;
    }

    public async ValueTask DisposeAsync()
    {
        if (_session is not null)
        {
            _sessions!.Return(_session);
            _session = null;
        }

        if (_db is not null)
        {
            await _db.DisposeAsync().ConfigureAwait(false);
        }
    }
}
