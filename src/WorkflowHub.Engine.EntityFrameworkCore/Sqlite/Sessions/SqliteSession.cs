using Microsoft.Data.Sqlite;

namespace WorkflowHub.Engine.EntityFrameworkCore.Sqlite.Sessions;

/// <summary>
/// A connection the store opens once and keeps open between commands, with its statements kept prepared
/// (<see cref="Statements"/>). One command uses it at a time (<see cref="SqliteSessionPool"/>). Its transaction is plain
/// SQL — BEGIN IMMEDIATE, COMMIT, ROLLBACK — so the write lock is taken up front, as Microsoft.Data.Sqlite's own
/// transactions do, without creating a transaction object and re-preparing BEGIN/COMMIT per command.
/// </summary>
internal sealed class SqliteSession : IDisposable
{
    private const string Begin = "BEGIN IMMEDIATE";
    private const string Commit = "COMMIT";
    private const string Rollback = "ROLLBACK";

    private SqliteSession(SqliteConnection connection)
    {
        Connection = connection;
        Statements = SqliteStatements.Cached(connection);
    }

    public SqliteConnection Connection { get; }

    public SqliteStatements Statements { get; }

    /// <summary>True while a transaction is open on the connection (SQLite is out of autocommit mode).</summary>
    public bool InTransaction => Connection.Handle is { } handle && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0;

    /// <summary>Opens a connection with the engine's per-connection settings (<see cref="SqlitePragmaInterceptor"/>).</summary>
    public static SqliteSession Open(string connectionString, int walAutoCheckpointPages)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = SqlitePragmaInterceptor.SessionSettings(walAutoCheckpointPages);
                command.ExecuteNonQuery();
            }

            return new SqliteSession(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void BeginImmediate() => Statements.Execute(Begin);

    public void CommitTransaction() => Statements.Execute(Commit);

    /// <summary>Rolls back whatever is open (after a failed statement or a failed COMMIT); no-op outside a transaction.</summary>
    public void RollbackIfOpen()
    {
        if (InTransaction)
        {
            Statements.Execute(Rollback);
        }
    }

    public void Dispose()
    {
        Statements.Clear();
        Connection.Dispose();
    }
}
