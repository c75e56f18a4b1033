using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace WorkflowHub.Engine.EntityFrameworkCore.Sqlite.Sessions;

/// <summary>
/// A write (INSERT, UPDATE, DELETE, BEGIN, COMMIT, ...) prepared once on a connection's native handle and bound by
/// position straight through SQLitePCL. Why not a <see cref="SqliteCommand"/>: Microsoft.Data.Sqlite binds every
/// parameter by name on every execution — the name converted to UTF-8, looked up in the statement's parameter list (a
/// linear search, so a multi-row INSERT costs quadratic time), a binder object allocated — which was an eighth of what a
/// completed task allocated. Text is bound as UTF-16 (SQLite copies it); a failed step throws the
/// <see cref="SqliteException"/> Microsoft.Data.Sqlite would have thrown, with the same error codes.
/// </summary>
internal sealed class SqliteWriteStatement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    private SqliteWriteStatement(sqlite3 database, sqlite3_stmt statement, string sql)
    {
        _database = database;
        _statement = statement;
        Sql = sql;
    }

    public string Sql { get; }

    /// <summary>Prepares <paramref name="sql"/> (one statement) on the open <paramref name="connection"/>.</summary>
    public static SqliteWriteStatement Prepare(SqliteConnection connection, string sql)
    {
        var database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var result = raw.sqlite3_prepare_v2(database, sql, out var statement);
        if (result != raw.SQLITE_OK)
        {
            statement.Dispose();
            SqliteException.ThrowExceptionForRC(result, database);
        }

        return new SqliteWriteStatement(database, statement, sql);
    }

    /// <summary>Binds <paramref name="value"/> to the parameter at <paramref name="index"/> (0-based, in the order the parameters appear).</summary>
    public void Bind(int index, object? value)
    {
        var position = index + 1;
        var result = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(_statement, position),
            // An empty span would reach SQLite as a null pointer, which it stores as NULL.
            string { Length: 0 } => raw.sqlite3_bind_text(_statement, position, string.Empty),
            byte[] { Length: 0 } => raw.sqlite3_bind_zeroblob(_statement, position, 0),
            string text => raw.sqlite3_bind_text16(_statement, position, text.AsSpan()),
            long number => raw.sqlite3_bind_int64(_statement, position, number),
            int number => raw.sqlite3_bind_int64(_statement, position, number),
            bool flag => raw.sqlite3_bind_int64(_statement, position, flag ? 1 : 0),
            double number => raw.sqlite3_bind_double(_statement, position, number),
            byte[] bytes => raw.sqlite3_bind_blob(_statement, position, bytes),
            _ => throw new ArgumentException($"No SQLite binding for a value of type {value.GetType().Name}.", nameof(value)),
        };
        Check(result);
    }

    /// <summary>Runs the statement and returns the rows it changed; the statement is reset for its next use either way.</summary>
    public int Execute()
    {
        try
        {
            int result;
            while ((result = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
            }

            Check(result);
            return raw.sqlite3_changes(_database);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int result)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE))
        {
            SqliteException.ThrowExceptionForRC(result, _database);
        }
    }
}
