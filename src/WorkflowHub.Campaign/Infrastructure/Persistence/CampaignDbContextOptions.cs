using Microsoft.EntityFrameworkCore;

namespace WorkflowHub.Campaign.Infrastructure.Persistence;

/// <summary>The one place that configures <see cref="CampaignDbContext"/> for SQLite, at run time and design time alike.</summary>
public static class CampaignDbContextOptions
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite =>
        {
            sqlite.MigrationsAssembly(typeof(CampaignDbContext).Assembly.GetName().Name);
            // Its own history table: the engine's store keeps its migrations in the same file.
            sqlite.MigrationsHistoryTable(CampaignDbContext.MigrationsHistoryTable);
        });
}
