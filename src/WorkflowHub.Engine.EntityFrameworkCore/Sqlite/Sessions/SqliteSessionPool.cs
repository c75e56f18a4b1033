using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace WorkflowHub.Engine.EntityFrameworkCore.Sqlite.Sessions;

/// <summary>
/// The store's kept-open SQLite connections (<see cref="SqliteSession"/>), one per concurrently running command or
/// lookup by id. A command takes one for its reads and its commit and gives it back at the end, a lookup for its one
/// SELECT; the pool keeps at most <see cref="MaxIdle"/> idle and closes the rest. Also checkpoints the WAL off the
/// commit path: every <see cref="CommitsPerCheckpoint"/> commits one idle session runs a PASSIVE checkpoint on a
/// thread-pool thread, so the checkpoint's copy and its fsyncs no longer stall the writer that happens to cross
/// SQLite's auto-checkpoint threshold. The sessions' own auto-checkpoint stays on with a high threshold as a backstop.
/// </summary>
internal sealed class SqliteSessionPool : IDisposable
{
    // As many as the commands a busy server runs at once (32 HTTP clients, each command waiting its turn at the writer
    // gate with its session): fewer, and sessions are closed and reopened (statements prepared again) under load.
    public const int MaxIdle = 32;

    // Small and often: a completed task writes ~30 pages to the WAL, so at 800 a second 200 commits left ~6,000 frames
    // between checkpoints. Each checkpoint then copied ~25 MB and took 30-50 ms, the WAL was seldom reset, and requests
    // stalled in clusters (paced p99 36-39 ms). Every 20 commits: checkpoints of ~6 ms, a WAL that stays small, p99
    // 14-15 ms, same CPU (docs/performance.md, "Session 6").
    public const int CommitsPerCheckpoint = 20;

    // Backstop: if background checkpoints cannot keep up (long readers), a writer checkpoints itself past ~40 MB of WAL.
    private const int WalAutoCheckpointPages = 10_000;

    // A checkpoint of the small WAL takes milliseconds; the bound only keeps a stuck file from hanging shutdown.
    private static readonly TimeSpan CheckpointWaitOnDispose = TimeSpan.FromSeconds(10);

    private readonly string _connectionString;
    private readonly ConcurrentStack<SqliteSession> _idle = new();
    private int _commits;
    private int _checkpointRunning;
    private volatile bool _disposed;

    public SqliteSessionPool(string connectionString)
    {
        // A file that disappeared is not silently recreated by a later open.
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.ReadWriteCreate)
        {
            builder.Mode = SqliteOpenMode.ReadWrite;
        }

        _connectionString = builder.ToString();
    }

    /// <summary>Sessions only make sense for a writable file: read-only stores and in-memory databases keep EF's pooled connections.</summary>
    public static bool AppliesTo(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = builder.DataSource;
        return builder.Mode is SqliteOpenMode.ReadWriteCreate or SqliteOpenMode.ReadWrite
            && dataSource.Length > 0
            && !string.Equals(dataSource, ":memory:", StringComparison.OrdinalIgnoreCase)
            && !dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
    }

    public SqliteSession Rent() =>
        _idle.TryPop(out var session) ? session : SqliteSession.Open(_connectionString, WalAutoCheckpointPages);

    /// <summary>
    /// Runs one read outside any command on an idle session, so a lookup by id reuses a kept-open connection and its
    /// prepared statement instead of opening a pooled connection and preparing the SELECT again.
    /// </summary>
    public TResult Read<TArgument, TResult>(TArgument argument, Func<SqliteStatements, TArgument, TResult> read)
    {
        var session = Rent();
        try
        {
            return read(session.Statements, argument);
        }
        finally
        {
            Return(session);
        }
    }

    /// <summary>Gives a session back; a session left inside a transaction (a failure mid-command) is rolled back or closed.</summary>
    public void Return(SqliteSession session)
    {
        try
        {
            session.RollbackIfOpen();
        }
        catch (SqliteException)
        {
            session.Dispose();
            return;
        }

        if (_disposed || _idle.Count >= MaxIdle)
        {
            session.Dispose();
            return;
        }

        _idle.Push(session);
        if (_disposed)
        {
            // Disposed between the check and the push: nobody else would close it.
            CloseIdle();
        }
    }

    /// <summary>Counts a commit; every <see cref="CommitsPerCheckpoint"/>-th starts a background checkpoint unless one is running.</summary>
    public void NoteCommit()
    {
        if (Interlocked.Increment(ref _commits) % CommitsPerCheckpoint != 0
            || Interlocked.CompareExchange(ref _checkpointRunning, 1, 0) != 0)
        {
            return;
        }

        _ = Task.Run(Checkpoint);
    }

    private void Checkpoint()
    {
        SqliteSession? session = null;
        try
        {
            if (!_disposed)
            {
                // Never creates the file: the pool's connections open read-write only.
                session = Rent();
                session.Statements.Execute("PRAGMA wal_checkpoint(PASSIVE)");
            }
        }
        catch (SqliteException)
        {
            // A checkpoint that fails (file gone, I/O error) is retried by the next one or by SQLite's own backstop.
        }
        finally
        {
            if (session is not null)
            {
                Return(session);
            }

            Volatile.Write(ref _checkpointRunning, 0);
        }
    }

    /// <summary>
    /// Closes every session, and waits for a background checkpoint that may already hold one: no connection to the file
    /// may open or stay open once the store is gone (the folder is deleted or a backup restored over it right after).
    /// </summary>
    public void Dispose()
    {
        _disposed = true;
        SpinWait.SpinUntil(() => Volatile.Read(ref _checkpointRunning) == 0, CheckpointWaitOnDispose);
        CloseIdle();
    }

    private void CloseIdle()
    {
        while (_idle.TryPop(out var session))
        {
            session.Dispose();
        }
    }
}
