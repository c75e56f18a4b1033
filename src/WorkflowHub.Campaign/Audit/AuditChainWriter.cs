using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Engine.EntityFrameworkCore;
using WorkflowHub.Engine.EntityFrameworkCore.Sqlite;
using WorkflowHub.Engine.EntityFrameworkCore.Sqlite.Sessions;

namespace WorkflowHub.Campaign.Audit;

/// <summary>
/// The one appender of a database's audit chain in this process, with group commit: callers queue their entries and
/// take turns; whoever's turn it is writes every entry queued so far in one transaction (read the chain's head, link
/// and seal the entries in queue order, insert, commit) and completes each caller's wait. 32 concurrent commands thus
/// cost one transaction, not 32 queued ones, and the chain stays one gap-free sequence.
/// <para>
/// On a SQLite file the engine's store keeps sessions on, an entry joins the engine commands' own group commit instead
/// (<see cref="SqliteAuditAppend"/>), and a command's entry is offered to its engine command and written inside that
/// command's savepoint (<see cref="AuditTrail.OfferSuccess"/>): a completed task and its record are then one
/// transaction, and the writer gate is taken once. Otherwise, on SQLite, the transaction is taken at the engine's
/// <see cref="SqliteWriterGate"/> of the file, so audit appends and engine commits queue for the single write lock instead
/// of meeting SQLITE_BUSY, which Microsoft.Data.Sqlite answers by blocking the thread in Thread.Sleep. On PostgreSQL,
/// where several nodes append, the transaction queues on an advisory lock and the unique index on
/// <see cref="AuditEntry.Sequence"/> refuses a forked chain; a lost race is retried.
/// </para>
/// </summary>
[SuppressMessage("Reliability", "CA1001:Types that own disposable fields should be disposable", Justification = "One writer per database for the life of the process; a SemaphoreSlim without AvailableWaitHandle holds no OS handle.")]
internal sealed class AuditChainWriter
{
    private const int MaxAttempts = 5;

    // Bounds one transaction (and the time the write lock is held) however long the queue has grown.
    private const int MaxEntriesPerTransaction = 256;

    private static readonly ConcurrentDictionary<string, AuditChainWriter> ByConnectionString = new(StringComparer.Ordinal);
    private static readonly ConditionalWeakTable<DbContextOptions<CampaignDbContext>, AuditChainWriter> ByOptions = new();

    private readonly SqliteWriterGate? _writerGate;
    private readonly bool _isNpgsql;
    private readonly ConcurrentQueue<Pending> _queue = new();
    private readonly SemaphoreSlim _turn = new(1, 1);

    private AuditChainWriter(DbContextOptions<CampaignDbContext> options, string? connectionString)
    {
        using var db = new CampaignDbContext(options);
        _isNpgsql = db.Database.IsNpgsql();
        _writerGate = db.Database.IsSqlite() && connectionString is not null ? SqliteWriterGate.For(connectionString) : null;
    }

    /// <summary>The writer of the database <paramref name="options"/> connect to (shared by every context on that connection string; it keeps no options).</summary>
    public static AuditChainWriter For(DbContextOptions<CampaignDbContext> options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // The application's options are one instance for the process: finding the writer by them spares every append
        // EF's sorting of the options' extensions to read the connection string.
        return ByOptions.GetValue(options, static options => ForConnectionOf(options));
    }

    private static AuditChainWriter ForConnectionOf(DbContextOptions<CampaignDbContext> options)
    {
        var connectionString = RelationalOptionsExtension.Extract(options).ConnectionString;

        // Options over a connection someone else owns cannot be shared by connection string: such a writer serves only them.
        return connectionString is null
            ? new AuditChainWriter(options, connectionString: null)
            : ByConnectionString.GetOrAdd(connectionString, static (key, options) => new AuditChainWriter(options, key), options);
    }

    /// <summary>
    /// Links <paramref name="entry"/> (sets its sequence and hashes) and returns once it is committed. A caller whose turn
    /// it is writes on its own <paramref name="options"/> (options of the request's scope live only as long as it does).
    /// </summary>
    /// <param name="engineStore">The engine's store, whose group commit takes the entry when it keeps sessions on the same file.</param>
    public async Task<AuditEntry> AppendAsync(AuditEntry entry, DbContextOptions<CampaignDbContext> options, EfEngineStore? engineStore, ILogger logger)
    {
        if (JoinsEngineCommits(engineStore))
        {
            await engineStore.CommitWithCommandsAsync(statements => SqliteAuditAppend.Append(statements, entry)).ConfigureAwait(false);
            return entry;
        }

        var pending = new Pending(entry);
        _queue.Enqueue(pending);
        await _turn.WaitAsync().ConfigureAwait(false);
        try
        {
            // The writer before us may have taken our entry along with its own; a queue longer than one transaction
            // takes more than one turn.
            while (!pending.Written.Task.IsCompleted)
            {
                await WriteQueuedAsync(options, logger).ConfigureAwait(false);
            }
        }
        finally
        {
            _turn.Release();
        }

        return await pending.Written.Task.ConfigureAwait(false);
    }

    /// <summary>Offers <paramref name="write"/> (an entry's append) to the next engine command of this async flow on this writer's file.</summary>
    internal SqliteCommitEnlistment OfferToEngineCommit(Action<SqliteStatements> write) =>
        SqliteCommitEnlistment.Offer(_writerGate ?? throw new InvalidOperationException("Only entries on a SQLite file join engine commits."), write);

    /// <summary>Whether an entry appended with <paramref name="engineStore"/> joins the engine commands' group commit.</summary>
    internal bool JoinsEngineCommits([NotNullWhen(true)] EfEngineStore? engineStore) =>
        _writerGate is not null && engineStore is not null && engineStore.CommitsWithCommandsOn(_writerGate);

    private async Task WriteQueuedAsync(DbContextOptions<CampaignDbContext> options, ILogger logger)
    {
        var batch = new List<Pending>();
        while (batch.Count < MaxEntriesPerTransaction && _queue.TryDequeue(out var next))
        {
            batch.Add(next);
        }

        try
        {
            await WriteWithRetriesAsync(batch, options, logger).ConfigureAwait(false);
            foreach (var pending in batch)
            {
                pending.Written.TrySetResult(pending.Entry);
            }
        }
        catch (Exception exception)
        {
            // Every caller of the batch sees the failure (its command's own outcome is decided by AuditBehavior).
            foreach (var pending in batch)
            {
                pending.Written.TrySetException(exception);
            }
        }
    }

    private async Task WriteWithRetriesAsync(List<Pending> batch, DbContextOptions<CampaignDbContext> options, ILogger logger)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // The context and its connection are made ready before the write lock is taken: the lock covers only the
                // transaction, which every other writer of the file waits for.
                await using var db = new CampaignDbContext(options);
                await db.Database.OpenConnectionAsync().ConfigureAwait(false);
                if (_writerGate is null)
                {
                    await WriteAsync(batch, db).ConfigureAwait(false);
                }
                else
                {
                    using (await _writerGate.EnterAsync(CancellationToken.None).ConfigureAwait(false))
                    {
                        await WriteAsync(batch, db).ConfigureAwait(false);
                    }
                }

                return;
            }
            catch (DbUpdateException exception) when (attempt < MaxAttempts)
            {
                // Another writer (another node, or another process on the file) appended the same sequence number first.
                logger.LogDebug(exception, "Audit append of {Count} entries lost a race (attempt {Attempt}); retrying", batch.Count, attempt);
            }
        }
    }

    private async Task WriteAsync(List<Pending> batch, CampaignDbContext db)
    {
        await using var transaction = await db.Database.BeginTransactionAsync().ConfigureAwait(false);
        if (_isNpgsql)
        {
            // PostgreSQL admits many writers: appends queue on one advisory lock held until commit (as SQLite's write
            // lock makes them queue), so concurrent commands on several nodes do not exhaust the retries.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7240512026)").ConfigureAwait(false);
        }

        var head = await db.Set<AuditEntry>().AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync().ConfigureAwait(false);
        var sequence = head?.Sequence ?? 0;
        var previousHash = head?.Hash ?? AuditChainHasher.GenesisHash;
        foreach (var pending in batch)
        {
            pending.Entry.Sequence = ++sequence;
            AuditChainHasher.Seal(pending.Entry, previousHash);
            previousHash = pending.Entry.Hash;
            db.Set<AuditEntry>().Add(pending.Entry);
        }

        await db.SaveChangesAsync().ConfigureAwait(false);
        await transaction.CommitAsync().ConfigureAwait(false);
    }

    private sealed class Pending(AuditEntry entry)
    {
        public AuditEntry Entry { get; } = entry;

        public TaskCompletionSource<AuditEntry> Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
