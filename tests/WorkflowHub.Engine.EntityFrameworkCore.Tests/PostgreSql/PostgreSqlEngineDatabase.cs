using WorkflowHub.Engine.EntityFrameworkCore.PostgreSql;
using WorkflowHub.Testing.PostgreSql;

namespace WorkflowHub.Engine.EntityFrameworkCore.Tests.PostgreSql;

/// <summary>A database of its own on the test PostgreSQL server, with the engine's tables, dropped at the end of the test.</summary>
public sealed class PostgreSqlEngineDatabase : IAsyncDisposable
{
    private readonly PostgreSqlCluster _cluster;

    private PostgreSqlEngineDatabase(PostgreSqlCluster cluster, string connectionString)
    {
        _cluster = cluster;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    /// <summary>A copy of a database the engine's PostgreSQL migrations were applied to once per test run.</summary>
    public static async Task<PostgreSqlEngineDatabase> CreateMigratedAsync()
    {
        var cluster = await PostgreSqlCluster.GetAsync();
        var connectionString = await cluster.CreateDatabaseFromTemplateAsync("engine", async template =>
            await PostgreSqlEngineStore.Create(template, poolSize: 2).MigrateAsync());
        return new PostgreSqlEngineDatabase(cluster, connectionString);
    }

    public EfEngineStore CreateStore() => PostgreSqlEngineStore.Create(ConnectionString);

    public async ValueTask DisposeAsync() => await _cluster.DropDatabaseAsync(ConnectionString);
}
