using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using WorkflowHub.Benchmarks.Measurement;

namespace WorkflowHub.Benchmarks.Scale;

/// <summary>
/// Where the bytes of a large database go: the file per hazard, then every table and index by its pages (SQLite's
/// dbstat table), so a new index can be weighed against what it costs on disk.
/// </summary>
public static class DatabaseSize
{
    public static async Task ReportAsync(string databasePath)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        var hazards = Convert.ToInt64(await ScalarAsync(connection, "SELECT count(*) FROM Hazards"), CultureInfo.InvariantCulture);
        var bytes = new FileInfo(databasePath).Length + (File.Exists(databasePath + "-wal") ? new FileInfo(databasePath + "-wal").Length : 0);
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"database {bytes / 1048576.0:N0} MB for {hazards:N0} hazards = {bytes / (double)Math.Max(1, hazards) / 1024:F1} KB per hazard with its loop and history"));

        var rows = await BreakdownAsync(connection) ?? await BreakdownWithCommandLineAsync(databasePath);
        if (rows is null)
        {
            Report.Line("no per-table breakdown: neither this SQLite build nor a sqlite3 command has the dbstat table");
            return;
        }

        Report.Line($"{"table or index",-80} {"MB",9} {"B/hazard",9} {"share",6}");
        foreach (var (name, size) in rows)
        {
            Report.Line(string.Create(CultureInfo.InvariantCulture,
                $"{name,-80} {size / 1048576.0,9:N1} {size / (double)Math.Max(1, hazards),9:N0} {size * 100.0 / Math.Max(1, bytes),5:F1}%"));
        }
    }

    private const string BreakdownSql = "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC";

    /// <summary>Null when the bundled SQLite was built without dbstat (SQLITE_ENABLE_DBSTAT_VTAB).</summary>
    private static async Task<List<(string Name, long Bytes)>?> BreakdownAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = BreakdownSql;
        command.CommandTimeout = 0;
        try
        {
            var rows = new List<(string, long)>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetInt64(1)));
            }

            return rows;
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    /// <summary>Debian's sqlite3 shell has dbstat; the bundled library of Microsoft.Data.Sqlite does not.</summary>
    private static async Task<List<(string Name, long Bytes)>?> BreakdownWithCommandLineAsync(string databasePath)
    {
        try
        {
            using var shell = Process.Start(new ProcessStartInfo("sqlite3", ["-readonly", "-separator", "\t", databasePath, BreakdownSql])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (shell is null)
            {
                return null;
            }

            var output = await shell.StandardOutput.ReadToEndAsync();
            await shell.WaitForExitAsync();
            if (shell.ExitCode != 0)
            {
                return null;
            }

            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split('\t'))
                .Select(cells => (cells[0], long.Parse(cells[1], CultureInfo.InvariantCulture)))
                .ToList();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return await command.ExecuteScalarAsync();
    }
}
