using Microsoft.Data.Sqlite;

namespace WorkflowHub.Engine.EntityFrameworkCore.Sqlite.Sessions;

/// <summary>
/// Where the hand-written statements of a command run: one connection (and the owner's transaction when joined). On a
/// kept-open <see cref="SqliteSession"/> each statement text is prepared once per native connection and reused with new
/// parameter values (Microsoft.Data.Sqlite keeps a command's prepared statements while the command and its connection
/// live); otherwise every statement is prepared, run and disposed. Parameters are positional: @p0, @p1, ...
/// </summary>
internal sealed class SqliteStatements
{
    // Enough for every statement shape a busy store uses (inserts per row count, updates per changed-column set), while
    // an unusual shape cannot grow a connection's memory without bound: beyond this it is prepared per use.
    private const int MaxCached = 128;

    private static readonly string[] Names = [.. Enumerable.Range(0, 512).Select(i => $"@p{i}")];

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction? _transaction;
    private readonly Dictionary<string, SqliteCommand>? _cache;
    private readonly Dictionary<string, SqliteWriteStatement>? _writes;

    private SqliteStatements(SqliteConnection connection, SqliteTransaction? transaction, bool cached)
    {
        _connection = connection;
        _transaction = transaction;
        _cache = cached ? new Dictionary<string, SqliteCommand>(StringComparer.Ordinal) : null;
        _writes = cached ? new Dictionary<string, SqliteWriteStatement>(StringComparer.Ordinal) : null;
    }

    /// <summary>Statements kept prepared on a connection this store owns and keeps open.</summary>
    public static SqliteStatements Cached(SqliteConnection connection) => new(connection, transaction: null, cached: true);

    /// <summary>Statements prepared per use, on a connection (and transaction) someone else owns.</summary>
    public static SqliteStatements PerUse(SqliteConnection connection, SqliteTransaction? transaction) => new(connection, transaction, cached: false);

    public static string ParameterName(int index) => index < Names.Length ? Names[index] : $"@p{index}";

    /// <summary>A command for <paramref name="sql"/> with <paramref name="parameterCount"/> positional parameters; hand it back with <see cref="Return"/>.</summary>
    public SqliteCommand Rent(string sql, int parameterCount)
    {
        if (_cache is not null && _cache.TryGetValue(sql, out var cached))
        {
            return cached;
        }

        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        for (var i = 0; i < parameterCount; i++)
        {
            command.Parameters.Add(new SqliteParameter(ParameterName(i), DBNull.Value));
        }

        if (_cache is not null && _cache.Count < MaxCached)
        {
            command.Prepare();
            _cache[sql] = command;
        }

        return command;
    }

    public void Return(SqliteCommand command) => DisposeUnlessKept(_cache, command.CommandText, command);

    /// <summary>
    /// A data change (INSERT, UPDATE, DELETE) bound by position (<see cref="SqliteWriteStatement"/>), to run inside a
    /// transaction that already holds the write lock; hand it back with <see cref="Return(SqliteWriteStatement)"/>.
    /// </summary>
    public SqliteWriteStatement RentWrite(string sql)
    {
        if (_writes is not null && _writes.TryGetValue(sql, out var kept))
        {
            return kept;
        }

        var statement = SqliteWriteStatement.Prepare(_connection, sql);
        if (_writes is not null && _writes.Count < MaxCached)
        {
            _writes[sql] = statement;
        }

        return statement;
    }

    public void Return(SqliteWriteStatement statement) => DisposeUnlessKept(_writes, statement.Sql, statement);

    /// <summary>Runs a data change whose parameters <paramref name="bind"/> sets (<see cref="RentWrite"/>); returns the rows changed.</summary>
    public int Execute<TState>(string sql, TState state, Action<SqliteWriteStatement, TState> bind)
    {
        var statement = RentWrite(sql);
        try
        {
            bind(statement, state);
            return statement.Execute();
        }
        finally
        {
            Return(statement);
        }
    }

    /// <summary>Runs a parameterless statement (BEGIN, COMMIT, PRAGMA ...).</summary>
    public int Execute(string sql)
    {
        var command = Rent(sql, 0);
        try
        {
            return command.ExecuteNonQuery();
        }
        finally
        {
            Return(command);
        }
    }

    /// <summary>Disposes a statement handed back unless it is the one kept prepared for its text.</summary>
    private static void DisposeUnlessKept<T>(Dictionary<string, T>? kept, string sql, T statement)
        where T : class, IDisposable
    {
        if (kept is null || !kept.TryGetValue(sql, out var keptOne) || !ReferenceEquals(keptOne, statement))
        {
            statement.Dispose();
        }
    }

    /// <summary>Disposes the kept commands (their prepared statements), before the connection closes.</summary>
    public void Clear()
    {
        if (_cache is null)
        {
            return;
        }

        foreach (var command in _cache.Values)
        {
            command.Dispose();
        }

        foreach (var statement in _writes!.Values)
        {
            statement.Dispose();
        }

        _cache.Clear();
        _writes.Clear();
    }
}
