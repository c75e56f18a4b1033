using Microsoft.Data.Sqlite;

namespace WorkflowHub.Campaign.Infrastructure.Persistence;

/// <summary>
/// Configuration section <c>Storage</c>: where the SQLite database file lives. Campaign data, accounts and the
/// engine's state share this one file, so other stores take <see cref="ConnectionString"/> from here.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string DefaultDatabasePath = "./data/workflowhub.db";

    /// <summary>The database file; a relative path is resolved against the content root.</summary>
    public string DatabasePath { get; set; } = DefaultDatabasePath;

    /// <summary>How long a command waits for a lock held by another writer before failing, in seconds.</summary>
    public int BusyTimeoutSeconds { get; set; } = 30;

    /// <summary>The absolute path of the database file, set once the content root is known.</summary>
    public string FullDatabasePath { get; set; } = string.Empty;

    public string ConnectionString => BuildConnectionString(FullDatabasePath.Length > 0 ? FullDatabasePath : DatabasePath, BusyTimeoutSeconds);

    public static string BuildConnectionString(string databasePath, int busyTimeoutSeconds = 30) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            // Microsoft.Data.Sqlite retries a busy database until this timeout, so concurrent writers queue up.
            DefaultTimeout = busyTimeoutSeconds,
            ForeignKeys = true,
        }.ToString();
}
