using System.Collections.Concurrent;
using System.Text;
using WorkflowHub.Engine.EntityFrameworkCore.Sqlite.Sessions;

namespace WorkflowHub.Engine.EntityFrameworkCore.Sqlite.DirectWrites;

/// <summary>
/// Hand-written INSERT/UPDATE/DELETE statements for the writes every engine command makes, run through
/// <see cref="SqliteStatements"/> on the command's connection. EF's SaveChanges (change tracking, snapshotting, batching)
/// cost more CPU than SQLite itself here; these statements bind values straight from the records. Inserts of several
/// rows go in one multi-row VALUES statement. Statement texts are built once per shape (table and row count, or table
/// and set of changed columns) and kept, so a kept-open session finds them already prepared.
/// </summary>
internal sealed class SqliteDirectWriter(SqliteStatements statements)
{
    // Far below SQLite's bound-parameter limit (32,766), small enough that a statement's text stays short.
    private const int MaxParametersPerStatement = 400;

    private static readonly ConcurrentDictionary<(string Table, int Rows), string> InsertTexts = new();
    private static readonly ConcurrentDictionary<(string Table, ulong Columns, string? Condition), string> UpdateTexts = new();
    private static readonly ConcurrentDictionary<(string Table, string Column, int Count), string> DeleteTexts = new();

    public void Insert<T>(string table, RowColumn<T>[] columns, IReadOnlyList<T> rows)
    {
        var rowsPerStatement = Math.Max(1, MaxParametersPerStatement / columns.Length);
        for (var first = 0; first < rows.Count; first += rowsPerStatement)
        {
            var count = Math.Min(rowsPerStatement, rows.Count - first);
            var sql = InsertTexts.GetOrAdd((table, count), static (key, columns) => InsertText(key.Table, columns, key.Rows), columns);
            var statement = statements.RentWrite(sql);
            try
            {
                for (var r = 0; r < count; r++)
                {
                    var row = rows[first + r];
                    for (var c = 0; c < columns.Length; c++)
                    {
                        statement.Bind((r * columns.Length) + c, columns[c].Value(row));
                    }
                }

                statement.Execute();
            }
            finally
            {
                statements.Return(statement);
            }
        }
    }

    /// <summary>
    /// Updates the row whose first column (the key) matches <paramref name="current"/>'s, writing only the columns that
    /// differ from <paramref name="read"/> (all of them when the row was not read) plus <paramref name="alwaysWritten"/>:
    /// SQLite then maintains only the indexes over the written columns. <paramref name="extraCondition"/> (e.g. the
    /// version check) is ANDed to the key match. Returns the rows changed, or null when there was nothing to write.
    /// </summary>
    public int? Update<T>(string table, RowColumn<T>[] columns, T current, T? read, string? alwaysWritten = null, (string Column, object Value)? extraCondition = null)
        where T : class
    {
        if (columns.Length > 64)
        {
            throw new ArgumentException("At most 64 columns per table.", nameof(columns));
        }

        var values = new object[columns.Length];
        var written = 0UL;
        var count = 0;
        for (var c = 1; c < columns.Length; c++)
        {
            var value = columns[c].Value(current) ?? DBNull.Value;
            var always = string.Equals(columns[c].Name, alwaysWritten, StringComparison.Ordinal);
            if (!always && read is not null && Equals(value, columns[c].Value(read) ?? DBNull.Value))
            {
                continue;
            }

            values[c] = value;
            written |= 1UL << c;
            count++;
        }

        if (count == 0)
        {
            return null;
        }

        var sql = UpdateTexts.GetOrAdd((table, written, extraCondition?.Column), static (key, columns) => UpdateText(key.Table, columns, key.Columns, key.Condition), columns);
        var statement = statements.RentWrite(sql);
        try
        {
            var p = 0;
            for (var c = 1; c < columns.Length; c++)
            {
                if ((written & (1UL << c)) != 0)
                {
                    statement.Bind(p++, values[c]);
                }
            }

            statement.Bind(p++, columns[0].Value(current));
            if (extraCondition is { } condition)
            {
                statement.Bind(p, condition.Value);
            }

            return statement.Execute();
        }
        finally
        {
            statements.Return(statement);
        }
    }

    /// <summary>DELETE FROM table WHERE column IN (ids).</summary>
    public void Delete(string table, string column, IReadOnlyList<Guid> ids)
    {
        for (var first = 0; first < ids.Count; first += MaxParametersPerStatement)
        {
            var count = Math.Min(MaxParametersPerStatement, ids.Count - first);
            var sql = DeleteTexts.GetOrAdd((table, column, count), static key => DeleteText(key.Table, key.Column, key.Count));
            var statement = statements.RentWrite(sql);
            try
            {
                for (var i = 0; i < count; i++)
                {
                    statement.Bind(i, StoredValues.Of(ids[first + i]));
                }

                statement.Execute();
            }
            finally
            {
                statements.Return(statement);
            }
        }
    }

    private static string InsertText<T>(string table, RowColumn<T>[] columns, int rows)
    {
        var sql = new StringBuilder("INSERT INTO ").Append(table).Append(" (");
        for (var c = 0; c < columns.Length; c++)
        {
            sql.Append(c == 0 ? "" : ", ").Append(columns[c].Name);
        }

        sql.Append(") VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                sql.Append(c == 0 ? "" : ", ").Append(SqliteStatements.ParameterName((r * columns.Length) + c));
            }

            sql.Append(')');
        }

        return sql.ToString();
    }

    private static string UpdateText<T>(string table, RowColumn<T>[] columns, ulong written, string? condition)
    {
        var sql = new StringBuilder("UPDATE ").Append(table).Append(" SET ");
        var p = 0;
        for (var c = 1; c < columns.Length; c++)
        {
            if ((written & (1UL << c)) != 0)
            {
                sql.Append(p == 0 ? "" : ", ").Append(columns[c].Name).Append(" = ").Append(SqliteStatements.ParameterName(p++));
            }
        }

        sql.Append(" WHERE ").Append(columns[0].Name).Append(" = ").Append(SqliteStatements.ParameterName(p++));
        if (condition is not null)
        {
            sql.Append(" AND ").Append(condition).Append(" = ").Append(SqliteStatements.ParameterName(p));
        }

        return sql.ToString();
    }

    private static string DeleteText(string table, string column, int count)
    {
        var sql = new StringBuilder("DELETE FROM ").Append(table).Append(" WHERE ").Append(column).Append(" IN (");
        for (var i = 0; i < count; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append(SqliteStatements.ParameterName(i));
        }

        return sql.Append(')').ToString();
    }
}
