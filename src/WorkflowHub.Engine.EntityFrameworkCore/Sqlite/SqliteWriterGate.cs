using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace WorkflowHub.Engine.EntityFrameworkCore.Sqlite;

/// <summary>
/// One writer at a time per database file inside this process. SQLite admits one writer anyway; without the gate a
/// second connection's BEGIN IMMEDIATE meets SQLITE_BUSY and Microsoft.Data.Sqlite retries it by sleeping, so concurrent
/// commands waste their time in Thread.Sleep. With the gate they queue (asynchronously) and enter as soon as the
/// previous commit ends. Other processes on the same file are still arbitrated by SQLite's lock and the busy timeout.
/// </summary>
[SuppressMessage("Reliability", "CA1001:Types that own disposable fields should be disposable", Justification = "One gate per database file for the life of the process; a SemaphoreSlim without AvailableWaitHandle holds no OS handle.")]
internal sealed class SqliteWriterGate
{
    private static readonly ConcurrentDictionary<string, SqliteWriterGate> ByFile = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _semaphore = new(1, 1);

    private SqliteWriterGate()
    {
    }

    /// <summary>The gate of the file the connection string (or bare path) names; every store on that file in this process shares it.</summary>
    public static SqliteWriterGate For(string connectionStringOrPath)
    {
        var dataSource = new SqliteConnectionStringBuilder(SqliteConnectionStrings.Normalize(connectionStringOrPath)).DataSource;
        var key = IsFile(dataSource) ? Path.GetFullPath(dataSource) : dataSource;
        return ByFile.GetOrAdd(key, _ => new SqliteWriterGate());
    }

    /// <summary>Waits for the gate; dispose the result to let the next writer in.</summary>
    public async ValueTask<Entered> EnterAsync(CancellationToken cancellationToken)
    {
        await _semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Entered(_semaphore);
    }

    private static bool IsFile(string dataSource) =>
        dataSource.Length > 0
        && !string.Equals(dataSource, ":memory:", StringComparison.OrdinalIgnoreCase)
        && !dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);

    public readonly struct Entered(SemaphoreSlim semaphore) : IDisposable
    {
        public void Dispose() => semaphore.Release();
    }
}
