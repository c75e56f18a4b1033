using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Engine.EntityFrameworkCore.Jobs;
using WorkflowHub.Engine.EntityFrameworkCore.Model;
using WorkflowHub.Engine.EntityFrameworkCore.PostgreSql.Jobs;
using WorkflowHub.Engine.EntityFrameworkCore.Providers;

namespace WorkflowHub.Engine.EntityFrameworkCore.PostgreSql;

/// <summary>
/// PostgreSQL through Npgsql: several writers at once (no writer gate, no SQLite direct writes), jobs locked with
/// <c>FOR UPDATE SKIP LOCKED</c> so several server nodes share one database. Migrations live in this assembly, apart
/// from the SQLite ones, with the same <c>__EngineMigrationsHistory</c> table name.
/// </summary>
public sealed class PostgreSqlEngineDatabaseProvider : IEngineDatabaseProvider
{
    public PostgreSqlEngineDatabaseProvider(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ConnectionString = connectionString;
    }

    public static string MigrationsAssembly => typeof(PostgreSqlEngineDatabaseProvider).Assembly.GetName().Name!;

    public string ConnectionString { get; }

    public IJobAcquisitionStrategy JobAcquisition { get; } = new PostgreSqlJobAcquisitionStrategy();

    public void Configure(DbContextOptionsBuilder builder) =>
        builder
            .UseNpgsql(ConnectionString, ConfigureNpgsql)
            .EnableThreadSafetyChecks(false);

    public void Configure(DbContextOptionsBuilder builder, DbConnection connection) =>
        builder
            .UseNpgsql(connection, ConfigureNpgsql)
            .EnableThreadSafetyChecks(false);

    private static void ConfigureNpgsql(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.MigrationsAssembly(MigrationsAssembly).MigrationsHistoryTable(EngineTables.MigrationsHistory);
}
