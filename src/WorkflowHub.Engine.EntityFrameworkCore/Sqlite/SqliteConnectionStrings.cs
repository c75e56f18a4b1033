using Microsoft.Data.Sqlite;

namespace WorkflowHub.Engine.EntityFrameworkCore.Sqlite;

/// <summary>Normalises an engine connection string: a bare file path is accepted, and a busy timeout is always set.</summary>
public static class SqliteConnectionStrings
{
    /// <summary>Seconds a command waits for another connection's write lock before failing (Microsoft.Data.Sqlite retries SQLITE_BUSY until then).</summary>
    public const int DefaultBusyTimeoutSeconds = 30;

    public static string Normalize(string connectionStringOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionStringOrPath);
        var builder = connectionStringOrPath.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(connectionStringOrPath)
            : new SqliteConnectionStringBuilder { DataSource = connectionStringOrPath };
        if (!connectionStringOrPath.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.DefaultTimeout = DefaultBusyTimeoutSeconds;
        }

        return builder.ToString();
    }
}
