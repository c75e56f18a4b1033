using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace WorkflowHub.Engine.EntityFrameworkCore.PostgreSql;

/// <summary>Builds an <see cref="EfEngineStore"/> on PostgreSQL without dependency injection (tools, tests, benchmarks).</summary>
public static class PostgreSqlEngineStore
{
    /// <param name="connectionString">An Npgsql connection string ("Host=...;Database=...;Username=...").</param>
    public static EfEngineStore Create(string connectionString, int poolSize = 64)
    {
        var provider = new PostgreSqlEngineDatabaseProvider(connectionString);
        var builder = new DbContextOptionsBuilder<EngineDbContext>();
        provider.Configure(builder);
        return new EfEngineStore(new PooledDbContextFactory<EngineDbContext>(builder.Options, poolSize), provider);
    }
}
