namespace WorkflowHub.Campaign.Infrastructure.Persistence;

/// <summary>Which database holds campaign data, accounts and the engine's state (configuration key <c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>One SQLite file (<c>Storage:DatabasePath</c>): the embedded default for one server.</summary>
    Sqlite = 0,

    /// <summary>A PostgreSQL database (<c>ConnectionStrings:WorkflowHub</c>) that several server nodes share.</summary>
    PostgreSql = 1,
}
