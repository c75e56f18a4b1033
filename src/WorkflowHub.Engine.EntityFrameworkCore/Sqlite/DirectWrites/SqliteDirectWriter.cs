using System.Text;
using Microsoft.Data.Sqlite;

namespace WorkflowHub.Engine.EntityFrameworkCore.Sqlite.DirectWrites;

/// <summary>
/// Hand-written INSERT/UPDATE/DELETE statements on the command's own connection and transaction, for the writes every
/// engine command makes. EF's SaveChanges (change tracking, snapshotting, batching) cost more CPU than SQLite itself here;
/// these statements bind values straight from the records. Inserts of several rows go in one multi-row VALUES statement.
/// </summary>
internal sealed class SqliteDirectWriter(SqliteConnection connection, SqliteTransaction transaction)
{
    // Far below SQLite's bound-parameter limit (32,766), small enough that a statement's text stays short.
    private const int MaxParametersPerStatement = 400;

    public async Task InsertAsync<T>(string table, RowColumn<T>[] columns, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        var rowsPerStatement = Math.Max(1, MaxParametersPerStatement / columns.Length);
        for (var first = 0; first < rows.Count; first += rowsPerStatement)
        {
            var count = Math.Min(rowsPerStatement, rows.Count - first);
            await using var command = Create();
            var sql = new StringBuilder("INSERT INTO ").Append(table).Append(" (");
            AppendNames(sql, columns);
            sql.Append(") VALUES ");
            for (var r = 0; r < count; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Length; c++)
                {
                    var name = $"@p{(r * columns.Length) + c}";
                    sql.Append(c == 0 ? "" : ", ").Append(name);
                    command.Parameters.AddWithValue(name, columns[c].Value(rows[first + r]) ?? DBNull.Value);
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Updates the row whose first column (the key) matches <paramref name="current"/>'s, writing only the columns that
    /// differ from <paramref name="read"/> (all of them when the row was not read) plus <paramref name="alwaysWritten"/>:
    /// SQLite then maintains only the indexes over the written columns. <paramref name="extraCondition"/> (e.g. the
    /// version check) is ANDed to the key match. Returns the rows changed, or null when there was nothing to write.
    /// </summary>
    public async Task<int?> UpdateAsync<T>(string table, RowColumn<T>[] columns, T current, T? read, CancellationToken cancellationToken, string? alwaysWritten = null, (string Column, object Value)? extraCondition = null)
        where T : class
    {
        await using var command = Create();
        var sql = new StringBuilder("UPDATE ").Append(table).Append(" SET ");
        var written = 0;
        for (var c = 1; c < columns.Length; c++)
        {
            var value = columns[c].Value(current) ?? DBNull.Value;
            var always = string.Equals(columns[c].Name, alwaysWritten, StringComparison.Ordinal);
            if (!always && read is not null && Equals(value, columns[c].Value(read) ?? DBNull.Value))
            {
                continue;
            }

            sql.Append(written == 0 ? "" : ", ").Append(columns[c].Name).Append(" = @p").Append(c);
            command.Parameters.AddWithValue($"@p{c}", value);
            written++;
        }

        if (written == 0)
        {
            return null;
        }

        sql.Append(" WHERE ").Append(columns[0].Name).Append(" = @key");
        command.Parameters.AddWithValue("@key", columns[0].Value(current) ?? DBNull.Value);
        if (extraCondition is { } condition)
        {
            sql.Append(" AND ").Append(condition.Column).Append(" = @condition");
            command.Parameters.AddWithValue("@condition", condition.Value);
        }

        command.CommandText = sql.ToString();
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>DELETE FROM table WHERE column IN (ids).</summary>
    public async Task DeleteAsync(string table, string column, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        for (var first = 0; first < ids.Count; first += MaxParametersPerStatement)
        {
            var count = Math.Min(MaxParametersPerStatement, ids.Count - first);
            await using var command = Create();
            var sql = new StringBuilder("DELETE FROM ").Append(table).Append(" WHERE ").Append(column).Append(" IN (");
            for (var i = 0; i < count; i++)
            {
                sql.Append(i == 0 ? "@p" : ", @p").Append(i);
                command.Parameters.AddWithValue($"@p{i}", StoredValues.Of(ids[first + i]));
            }

            command.CommandText = sql.Append(')').ToString();
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private SqliteCommand Create()
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        return command;
    }

    private static void AppendNames<T>(StringBuilder sql, RowColumn<T>[] columns)
    {
        for (var c = 0; c < columns.Length; c++)
        {
            sql.Append(c == 0 ? "" : ", ").Append(columns[c].Name);
        }
    }
}
