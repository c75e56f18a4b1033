using System.Globalization;
using Microsoft.Data.Sqlite;

namespace WorkflowHub.Benchmarks.Scale;

/// <summary>
/// Multiplies a demo city made by the server (hazards at every stage with their BPMN loops, tasks, jobs and history) into a
/// large one by copying rows in SQL: copy k of a row keeps its data; every id (and every reference to it) becomes
/// kkkkkkkk-0000-4000-8000-nnnnnnnnnnnn, where n numbers the original id, and hazard numbers (also the loops' business
/// keys) become YH9nnnnnnnnn. Copy k sorts after copy k-1 in every id index, so each batch of copies is appended at the
/// end of the indexes instead of being scattered through them (at a million hazards the scattered inserts were bound by
/// random reads of a file far larger than the cache).
/// </summary>
public static class HazardCloner
{
    private const int CopiesPerTransaction = 50;

    /// <returns>The number of hazards afterwards.</returns>
    public static async Task<long> MultiplyAsync(string databasePath, int factor, Action<string> progress)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await ExecuteAsync(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;");
        await ExecuteAsync(connection, """
            CREATE TEMP TABLE clone_instance_ids AS
                SELECT id FROM engine_instances
                WHERE id IN (SELECT InstanceId FROM Hazards) OR parent_instance_id IN (SELECT InstanceId FROM Hazards);
            CREATE TEMP TABLE clone_numbers AS SELECT Number AS old, row_number() OVER (ORDER BY Number) AS n FROM Hazards;
            CREATE UNIQUE INDEX temp.clone_numbers_old ON clone_numbers(old);
            CREATE TEMP TABLE clone_copies (k INTEGER PRIMARY KEY);
            """);
        var originals = await ScalarAsync(connection, "SELECT count(*) FROM Hazards");
        foreach (var table in CloneTable.HazardsWithTheirLoops)
        {
            await ExecuteAsync(connection, $"""CREATE TEMP TABLE "clone_{table.Name}" AS SELECT * FROM "{table.Name}" WHERE {table.Filter}""");
        }

        var everyId = CloneTable.HazardsWithTheirLoops.SelectMany(t => t.GuidColumns.Select(c => $"""SELECT "{c}" AS old FROM "clone_{t.Name}" WHERE "{c}" IS NOT NULL"""));
        await ExecuteAsync(connection, $"""
            CREATE TEMP TABLE clone_ids AS SELECT old, row_number() OVER (ORDER BY old) AS n FROM ({string.Join(" UNION ", everyId)});
            CREATE UNIQUE INDEX temp.clone_ids_old ON clone_ids(old);
            """);

        for (var from = 1; from < factor; from += CopiesPerTransaction)
        {
            var to = Math.Min(factor - 1, from + CopiesPerTransaction - 1);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await ExecuteAsync(connection, $"DELETE FROM clone_copies; WITH RECURSIVE k(v) AS (SELECT {from} UNION ALL SELECT v + 1 FROM k WHERE v < {to}) INSERT INTO clone_copies SELECT v FROM k;", transaction);
            foreach (var table in CloneTable.HazardsWithTheirLoops)
            {
                await ExecuteAsync(connection, await CopyStatementAsync(connection, table, originals), transaction);
            }

            await transaction.CommitAsync();
            progress(string.Create(CultureInfo.InvariantCulture, $"copies {from}-{to} of {factor - 1} written ({originals * (to + 1):N0} hazards)"));
        }

        await ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        return await ScalarAsync(connection, "SELECT count(*) FROM Hazards");
    }

    private static async Task<string> CopyStatementAsync(SqliteConnection connection, CloneTable table, long originals)
    {
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = $"""SELECT name FROM pragma_table_info('{table.Name}') ORDER BY cid""";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        var values = columns.Select(c =>
            table.GuidColumns.Contains(c) ? $"""CASE WHEN "id_{c}".n IS NULL THEN t."{c}" ELSE printf('%08X-0000-4000-8000-%012X', c.k, "id_{c}".n) END"""
            : c == table.NumberColumn ? $"""CASE WHEN m.n IS NULL THEN t."{c}" ELSE printf('YH9%09d', m.n + c.k * {originals}) END"""
            : $"""t."{c}" """);
        var numbers = table.NumberColumn is null ? string.Empty : $"""LEFT JOIN clone_numbers m ON m.old = t."{table.NumberColumn}" """;
        var ids = string.Concat(table.GuidColumns.Select(c => $"""LEFT JOIN clone_ids "id_{c}" ON "id_{c}".old = t."{c}" """));
        return $"""
            INSERT INTO "{table.Name}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))})
            SELECT {string.Join(", ", values)} FROM "clone_{table.Name}" t CROSS JOIN clone_copies c {numbers}{ids}
            """;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
