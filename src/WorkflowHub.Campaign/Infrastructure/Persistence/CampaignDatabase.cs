using Microsoft.Extensions.Options;

namespace WorkflowHub.Campaign.Infrastructure.Persistence;

/// <summary>The configured provider and its connection string, for every store that opens the shared database.</summary>
public sealed class CampaignDatabase(IOptions<DatabaseOptions> database, IOptions<StorageOptions> storage)
{
    public DatabaseProvider Provider => database.Value.Provider;

    public bool IsSqlite => Provider == DatabaseProvider.Sqlite;

    public string ConnectionString => Provider switch
    {
        DatabaseProvider.PostgreSql => database.Value.ConnectionString is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException($"Database:Provider is PostgreSql but ConnectionStrings:{DatabaseOptions.ConnectionStringName} is not set."),
        _ => storage.Value.ConnectionString,
    };
}
