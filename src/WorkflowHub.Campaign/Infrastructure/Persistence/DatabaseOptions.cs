namespace WorkflowHub.Campaign.Infrastructure.Persistence;

/// <summary>
/// Configuration section <c>Database</c> and connection string <c>ConnectionStrings:WorkflowHub</c>: the database
/// provider. SQLite (the default) keeps its file at <c>Storage:DatabasePath</c>; PostgreSQL needs the connection string.
/// </summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>The name under <c>ConnectionStrings</c>.</summary>
    public const string ConnectionStringName = "WorkflowHub";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Taken from <c>ConnectionStrings:WorkflowHub</c>; required for PostgreSQL, ignored for SQLite.</summary>
    public string? ConnectionString { get; set; }
}
