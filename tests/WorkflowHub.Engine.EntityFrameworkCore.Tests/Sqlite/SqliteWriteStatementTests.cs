using Microsoft.Data.Sqlite;
using WorkflowHub.Engine.EntityFrameworkCore.Sqlite.Sessions;
using WorkflowHub.Engine.EntityFrameworkCore.Tests.Support;

namespace WorkflowHub.Engine.EntityFrameworkCore.Tests.Sqlite;

/// <summary>Writes bound by position through SQLitePCL store what Microsoft.Data.Sqlite would, and fail as it would.</summary>
public sealed class SqliteWriteStatementTests : IDisposable
{
    private const string Insert = "INSERT INTO samples (name, text, whole, flag, real, bytes) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)";

    private readonly TempDatabase _database = new();
    private readonly SqliteConnection _connection;

    public SqliteWriteStatementTests()
    {
        _connection = _database.OpenConnection();
        using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE samples (name TEXT NOT NULL UNIQUE, text TEXT, whole INTEGER, flag INTEGER, real REAL, bytes BLOB)";
        create.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _connection.Dispose();
        _database.Dispose();
    }

    [Fact]
    public void Values_of_every_bound_type_read_back_unchanged()
    {
        using var statement = SqliteWriteStatement.Prepare(_connection, Insert);

        Write(statement, "typed", "隐患整改 ✓", 1L << 40, true, 2.5, new byte[] { 1, 2, 3 });
        Write(statement, "empty", string.Empty, 7, false, 0.0, Array.Empty<byte>());
        Write(statement, "nulls", null, DBNull.Value, null, null, null);

        Assert.Equal(("隐患整改 ✓", "text", 1L << 40, 1L, 2.5), Read<string, long, long, double>("typed"));
        Assert.Equal(new byte[] { 1, 2, 3 }, Scalar("SELECT bytes FROM samples WHERE name = 'typed'"));
        // An empty string stays an empty string, not NULL.
        Assert.Equal(("", "text", 7L, 0L, 0.0), Read<string, long, long, double>("empty"));
        Assert.Equal("blob", Scalar("SELECT typeof(bytes) FROM samples WHERE name = 'empty'"));
        Assert.Equal(["null", "null", "null", "null", "null"], Types("nulls"));
    }

    [Fact]
    public void A_failed_step_throws_what_Microsoft_Data_Sqlite_throws_and_the_statement_stays_usable()
    {
        using var statement = SqliteWriteStatement.Prepare(_connection, Insert);
        Write(statement, "once", "a", 1, false, 0.0, null);

        var failure = Assert.Throws<SqliteException>(() => Write(statement, "once", "b", 2, false, 0.0, null));
        Write(statement, "twice", "c", 3, false, 0.0, null);

        Assert.Equal(19, failure.SqliteErrorCode);
        Assert.Equal(2L, Scalar("SELECT COUNT(*) FROM samples"));
    }

    [Fact]
    public void Changed_rows_are_counted_and_unknown_types_are_refused()
    {
        using (var insert = SqliteWriteStatement.Prepare(_connection, Insert))
        {
            Write(insert, "one", "x", 1, false, 0.0, null);
            Write(insert, "two", "x", 2, false, 0.0, null);
            Assert.Throws<ArgumentException>(() => insert.Bind(0, Guid.NewGuid()));
        }

        using var update = SqliteWriteStatement.Prepare(_connection, "UPDATE samples SET whole = whole + 10 WHERE text = @p0");
        update.Bind(0, "x");
        Assert.Equal(2, update.Execute());
        update.Bind(0, "nothing");
        Assert.Equal(0, update.Execute());
    }

    private static void Write(SqliteWriteStatement statement, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            statement.Bind(i, values[i]);
        }

        Assert.Equal(1, statement.Execute());
    }

    private (T1, string, T2, T3, T4) Read<T1, T2, T3, T4>(string name)
    {
        using var select = _connection.CreateCommand();
        select.CommandText = "SELECT text, typeof(text), whole, flag, real FROM samples WHERE name = $name";
        select.Parameters.AddWithValue("$name", name);
        using var reader = select.ExecuteReader();
        Assert.True(reader.Read());
        return (reader.GetFieldValue<T1>(0), reader.GetString(1), reader.GetFieldValue<T2>(2), reader.GetFieldValue<T3>(3), reader.GetFieldValue<T4>(4));
    }

    private List<string> Types(string name)
    {
        using var select = _connection.CreateCommand();
        select.CommandText = "SELECT typeof(text), typeof(whole), typeof(flag), typeof(real), typeof(bytes) FROM samples WHERE name = $name";
        select.Parameters.AddWithValue("$name", name);
        using var reader = select.ExecuteReader();
        Assert.True(reader.Read());
        return [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)];
    }

    private object? Scalar(string sql)
    {
        using var select = _connection.CreateCommand();
        select.CommandText = sql;
        return select.ExecuteScalar();
    }
}
