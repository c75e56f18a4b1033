using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace WorkflowHub.Campaign.Infrastructure.Persistence;

/// <summary>The one place that configures <see cref="CampaignDbContext"/>, at run time and design time alike, for SQLite or PostgreSQL.</summary>
public static class CampaignDbContextOptions
{
    /// <summary>PostgreSQL migrations live apart, so SQLite's stay untouched; the server references this assembly.</summary>
    public const string PostgreSqlMigrationsAssembly = "WorkflowHub.Campaign.PostgreSql";

    /// <summary>SQLite on the given connection string.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        Configure(options, DatabaseProvider.Sqlite, connectionString);

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.PostgreSql => options.UseNpgsql(connectionString, ConfigurePostgreSql),
            _ => options.UseSqlite(connectionString, ConfigureSqlite),
        };

    /// <summary>On a connection someone else owns (a transaction shared with the engine), for whichever provider it belongs to.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DbConnection connection) =>
        connection switch
        {
            SqliteConnection sqlite => options.UseSqlite(sqlite, ConfigureSqlite),
            _ => options.UseNpgsql(connection, ConfigurePostgreSql),
        };

    private static void ConfigureSqlite(Microsoft.EntityFrameworkCore.Infrastructure.SqliteDbContextOptionsBuilder sqlite)
    {
        sqlite.MigrationsAssembly(typeof(CampaignDbContext).Assembly.GetName().Name);
        // Its own history table: the engine's store keeps its migrations in the same file.
        sqlite.MigrationsHistoryTable(CampaignDbContext.MigrationsHistoryTable);
    }

    private static void ConfigurePostgreSql(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder npgsql)
    {
        npgsql.MigrationsAssembly(PostgreSqlMigrationsAssembly);
        npgsql.MigrationsHistoryTable(CampaignDbContext.MigrationsHistoryTable);
    }
}
