using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WorkflowHub.Engine.EntityFrameworkCore.Sqlite;

/// <summary>
/// Sets up every SQLite connection the engine opens: WAL journal once per interceptor (the mode is stored in the file),
/// and per connection synchronous=NORMAL (safe with WAL, no fsync per commit) and foreign keys on.
/// The application's own context on the same file can add this interceptor too. Microsoft.Data.Sqlite pools the native
/// connections behind its connection objects and both settings live as long as the native connection, so they are sent
/// once per native connection, not on every open (every engine command opens one).
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string SwitchToWal = "PRAGMA journal_mode=WAL; ";
    private const string PerConnection = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
    private int _walEnsured;

    // Native connections (SQLitePCL's sqlite3 handle objects) already set up; weak, so closed handles drop out.
    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsReadOnly(connection) || IsConfigured(connection))
        {
            return;
        }

        var withWal = Volatile.Read(ref _walEnsured) == 0;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = withWal ? SwitchToWal + PerConnection : PerConnection;
            command.ExecuteNonQuery();
        }

        if (withWal)
        {
            Volatile.Write(ref _walEnsured, 1);
        }

        MarkConfigured(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsReadOnly(connection) || IsConfigured(connection))
        {
            return;
        }

        var withWal = Volatile.Read(ref _walEnsured) == 0;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = withWal ? SwitchToWal + PerConnection : PerConnection;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (withWal)
        {
            Volatile.Write(ref _walEnsured, 1);
        }

        MarkConfigured(connection);
    }

    /// <summary>The settings of a connection the store keeps open itself: WAL, the per-connection pragmas, and its auto-checkpoint threshold.</summary>
    internal static string SessionSettings(int walAutoCheckpointPages) =>
        $"{SwitchToWal}{PerConnection} PRAGMA wal_autocheckpoint={walAutoCheckpointPages};";

    private bool IsConfigured(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && _configured.TryGetValue(handle, out _);

    private void MarkConfigured(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            _configured.AddOrUpdate(handle, handle);
        }
    }

    // EF opens a read-only connection to test whether the file exists before migrating; pragmas that write would fail there.
    private static bool IsReadOnly(DbConnection connection) =>
        connection.ConnectionString.Contains("ReadOnly", StringComparison.OrdinalIgnoreCase);
}
