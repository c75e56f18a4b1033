using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using WorkflowHub.Engine.EntityFrameworkCore.Model;
using WorkflowHub.Engine.EntityFrameworkCore.Providers;
using WorkflowHub.Engine.EntityFrameworkCore.Sqlite;
using WorkflowHub.Engine.EntityFrameworkCore.Sqlite.DirectReads;
using WorkflowHub.Engine.EntityFrameworkCore.Sqlite.Sessions;
using WorkflowHub.Engine.EntityFrameworkCore.Store;
using WorkflowHub.Engine.EntityFrameworkCore.Transactions;

namespace WorkflowHub.Engine.EntityFrameworkCore;

/// <summary>
/// The engine's durable store on EF Core. One pooled context per engine transaction; reads are no-tracking (detached
/// copies, committed data only); writes are buffered and saved in one database transaction at commit, with optimistic
/// concurrency on instances. Joins the application's transaction when an <see cref="EngineTransactionScope"/> is current.
/// On a SQLite file, commands with their own transaction run on connections the store keeps open (<see cref="SqliteSessionPool"/>,
/// closed by <see cref="Dispose"/>), with their hot statements prepared once per connection.
/// </summary>
public sealed class EfEngineStore : IEngineStore, IDisposable
{
    private readonly EngineContextSource _contexts;

    // Null unless the store is on SQLite: other databases take several writers at once.
    private readonly SqliteWriterGate? _writerGate;

    // Null unless the store is on a writable SQLite file.
    private readonly SqliteSessionPool? _sessions;

    // With the sessions: the commands' commits, batched at the writer gate.
    private readonly SqliteGroupCommit? _groupCommit;

    public EfEngineStore(IDbContextFactory<EngineDbContext> contextFactory, IEngineDatabaseProvider provider)
    {
        ArgumentNullException.ThrowIfNull(contextFactory);
        ArgumentNullException.ThrowIfNull(provider);
        _contexts = new EngineContextSource(contextFactory, provider);
        if (provider is SqliteEngineDatabaseProvider sqlite)
        {
            _writerGate = SqliteWriterGate.For(sqlite.ConnectionString);
            _sessions = SqliteSessionPool.AppliesTo(sqlite.ConnectionString) ? new SqliteSessionPool(sqlite.ConnectionString) : null;
            _groupCommit = _sessions is null ? null : new SqliteGroupCommit(_writerGate);
        }
    }

    /// <summary>A store on a SQLite file without dependency injection (tools, tests, benchmarks).</summary>
    public static EfEngineStore ForSqlite(string connectionStringOrPath, int poolSize = 64)
    {
        var provider = new SqliteEngineDatabaseProvider(connectionStringOrPath);
        var builder = new DbContextOptionsBuilder<EngineDbContext>();
        provider.Configure(builder);
        return new EfEngineStore(new PooledDbContextFactory<EngineDbContext>(builder.Options, poolSize), provider);
    }

    /// <summary>
    /// Builds the engine's EF Core model now, without opening a connection, so that a host can do it on another core
    /// before it migrates. EF Core builds a model once, under a lock: a context that needs it meanwhile waits for it.
    /// </summary>
    public void PrepareModel()
    {
        using var db = _contexts.CreateDetached();
        _ = db.Model;
    }

    /// <summary>
    /// Applies the engine's pending migrations (idempotent). With none pending the migrator is not run: EF Core's Migrate
    /// would still check the model against the snapshot and take the migrations lock, the bulk of a restart's cost here.
    /// When some are pending, Migrate reads the history again under its lock, so several nodes starting at once are safe.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.CreateDetached();
        var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false);
        if (pending.Any())
        {
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Whether commands and lookups by id run on the kept-open sessions: on a writable SQLite file, outside an
    /// application's transaction (whose uncommitted rows only its own connection sees).
    /// </summary>
    [MemberNotNullWhen(true, nameof(_sessions))]
    private bool OnSessions => _sessions is not null && EngineTransactionScope.Current is null;

    /// <summary>
    /// Whether <see cref="CommitWithCommandsAsync"/> may be used for writes to the file <paramref name="gate"/> guards:
    /// the store keeps sessions on that very file and no application transaction is open.
    /// </summary>
    internal bool CommitsWithCommandsOn(SqliteWriterGate gate) => OnSessions && ReferenceEquals(gate, _writerGate);

    /// <summary>
    /// Commits another feature's rows in the same file (the audit chain) in the engine commands' group commit: they share
    /// the commands' transactions instead of taking the writer gate for one of their own. <paramref name="write"/> runs
    /// under its own savepoint when batched, so if it throws only its rows are rolled back and this call fails.
    /// </summary>
    internal async Task CommitWithCommandsAsync(Action<SqliteStatements> write)
    {
        if (_sessions is null || _groupCommit is null)
        {
            throw new InvalidOperationException("The store keeps no sessions: it is not on a writable SQLite file.");
        }

        var session = _sessions.Rent();
        try
        {
            await _groupCommit.CommitAsync(session, write).ConfigureAwait(false);
            _sessions.NoteCommit();
        }
        finally
        {
            _sessions.Return(session);
        }
    }

    public async Task<IEngineTransaction> BeginAsync(CancellationToken cancellationToken = default)
    {
        if (OnSessions)
        {
            // The session is taken on the first read or at commit; a context only if a query or a rare write needs one.
            return new EfEngineTransaction(_contexts.CreateDetached, _sessions, _writerGate!, _groupCommit!);
        }

        var db = _contexts.Create(out var joined);
        try
        {
            // One connection for the whole command: reads and the commit reuse it instead of reopening per statement.
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            // A joined command writes inside the owner's transaction, which already holds (or will take) the write lock.
            return new EfEngineTransaction(db, joined, joined ? null : _writerGate);
        }
        catch
        {
            await db.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<IReadOnlyList<JobRecord>> AcquireDueJobsAsync(string lockOwner, DateTimeOffset now, TimeSpan lockDuration, int max, CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.CreateDetached();
        if (_writerGate is not null)
        {
            using (await _writerGate.EnterAsync(cancellationToken).ConfigureAwait(false))
            {
                return await _contexts.Provider.JobAcquisition.AcquireAsync(db, lockOwner, now, lockDuration, max, cancellationToken).ConfigureAwait(false);
            }
        }

        return await _contexts.Provider.JobAcquisition.AcquireAsync(db, lockOwner, now, lockDuration, max, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DateTimeOffset?> GetNextJobDueAtAsync(CancellationToken cancellationToken = default)
    {
        // A locked job becomes available when both its due time and its lock expiry have passed.
        const string sql =
            $"""
            SELECT MIN(CASE WHEN lock_owner IS NULL OR lock_expires_at IS NULL OR lock_expires_at <= due_at THEN due_at ELSE lock_expires_at END) AS "Value"
            FROM {EngineTables.Jobs} WHERE retries > 0
            """;
        await using var db = _contexts.Create();
        var values = await db.Database.SqlQueryRaw<long?>(sql).ToListAsync(cancellationToken).ConfigureAwait(false);
        return values is [{ } ticks] ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
    }

    public async Task<IReadOnlyList<DefinitionRecord>> ListDefinitionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.Create();
        return await db.Definitions.AsNoTracking().OrderBy(d => d.Key).ThenBy(d => d.Version).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<DefinitionRecord?> FindDefinitionAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.Create();
        return await CompiledQueries.DefinitionById(db, definitionId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DefinitionRecord?> FindLatestDefinitionAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.Create();
        return await CompiledQueries.LatestDefinition(db, key, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DefinitionRecord?> FindDefinitionByVersionAsync(string key, int version, CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.Create();
        return await CompiledQueries.DefinitionByVersion(db, key, version, cancellationToken).ConfigureAwait(false);
    }

    public async Task<InstanceRecord?> FindInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        if (OnSessions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return _sessions.Read(instanceId, SqliteDirectReader.FindInstance);
        }

        await using var db = _contexts.Create();
        return await CompiledQueries.InstanceById(db, instanceId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PagedResult<InstanceRecord>> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = _contexts.Create();
        var matches = StoreQueries.Instances(db, query);
        var total = await matches.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await matches.OrderByDescending(i => i.StartedAt).ThenBy(i => i.Id)
            .Skip(query.Skip).Take(query.Take).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResult<InstanceRecord>(page, total);
    }

    public async Task<UserTaskRecord?> FindTaskAsync(Guid taskId, CancellationToken cancellationToken = default)
    {
        if (OnSessions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return _sessions.Read(taskId, SqliteDirectReader.FindTask);
        }

        await using var db = _contexts.Create();
        return await CompiledQueries.TaskById(db, taskId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PagedResult<UserTaskRecord>> QueryTasksAsync(TaskQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = _contexts.Create();
        if (StoreQueries.OffersAnswer(query) && StoreQueries.InboxOffers(db, query) is { } offers)
        {
            // An inbox of open offers: counted and paged from engine_task_offers, in proportion to the open inbox.
            var filled = await FilledOfferRangesAsync(db, query, cancellationToken).ConfigureAwait(false);
            if (filled.Count < 2)
            {
                return filled.Count == 0
                    ? new PagedResult<UserTaskRecord>([], 0)
                    : new PagedResult<UserTaskRecord>(
                        await StoreQueries.OfferedPage(db, StoreQueries.OffersIn(db, filled[0].Range, query.DueBefore), oneRange: true, query.Sort, query.Skip, query.Take)
                            .ToListAsync(cancellationToken).ConfigureAwait(false),
                        filled[0].Offers);
            }

            var offered = await StoreQueries.DistinctOfferedTasks(offers).CountAsync(cancellationToken).ConfigureAwait(false);
            var offeredPage = await StoreQueries.OfferedPage(db, offers, oneRange: false, query.Sort, query.Skip, query.Take).ToListAsync(cancellationToken).ConfigureAwait(false);
            return new PagedResult<UserTaskRecord>(offeredPage, offered);
        }

        var matches = StoreQueries.Tasks(db, query);
        var total = await matches.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await StoreQueries.Page(db, matches, query.Sort, query.Skip, query.Take).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResult<UserTaskRecord>(page, total);
    }

    /// <remarks>
    /// Filtered on the state alone so the planner walks the state index (active tasks only), whatever the share of
    /// finished tasks of each process; the context lives as long as the enumeration.
    /// </remarks>
    public async IAsyncEnumerable<ActiveTaskPosition> StreamActiveTaskPositionsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.Create();
        var positions = db.Tasks.AsNoTracking()
            .Where(t => t.State == UserTaskState.Active)
            .Select(t => new ActiveTaskPosition(t.DefinitionKey, t.InstanceId, t.ElementId))
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken)
            .ConfigureAwait(false);
        await foreach (var position in positions)
        {
            yield return position;
        }
    }

    /// <summary>The ranges of an inbox that hold open offers, with their counts (index entries only, one query a range).</summary>
    private static async Task<List<(OfferRange Range, int Offers)>> FilledOfferRangesAsync(EngineDbContext db, TaskQuery query, CancellationToken cancellationToken)
    {
        var filled = new List<(OfferRange, int)>(2);
        foreach (var range in StoreQueries.InboxRanges(query))
        {
            var offers = await StoreQueries.OffersIn(db, range, query.DueBefore).CountAsync(cancellationToken).ConfigureAwait(false);
            if (offers > 0)
            {
                filled.Add((range, offers));
            }
        }

        return filled;
    }

    public async Task<IReadOnlyList<HistoryEventRecord>> GetHistoryAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.Create();
        return await CompiledQueries.HistoryByInstance(db, instanceId).CollectAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<PagedResult<IncidentRecord>> QueryIncidentsAsync(IncidentQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = _contexts.Create();
        var matches = StoreQueries.Incidents(db, query);
        var total = await matches.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await matches.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .Skip(query.Skip).Take(query.Take).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResult<IncidentRecord>(page, total);
    }

    public async Task<IReadOnlyList<JobRecord>> GetJobsByInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.Create();
        return await CompiledQueries.JobsByInstance(db, instanceId).CollectAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<EventSubscriptionRecord>> FindMessageSubscriptionsAsync(string messageName, string? businessKey, CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.Create();
        return await StoreQueries.MessageSubscriptions(db, messageName, businessKey).CollectAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<EventSubscriptionRecord>> GetSubscriptionsByInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.Create();
        return await CompiledQueries.SubscriptionsByInstance(db, instanceId).CollectAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the SQLite connections the store keeps open (nothing to do on other databases).</summary>
    public void Dispose() => _sessions?.Dispose();
}
