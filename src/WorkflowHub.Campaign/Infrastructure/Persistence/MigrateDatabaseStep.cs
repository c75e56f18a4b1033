using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkflowHub.Campaign.Infrastructure.Startup;

namespace WorkflowHub.Campaign.Infrastructure.Persistence;

/// <summary>Creates the database folder, switches the file to WAL and applies pending migrations (on PostgreSQL: migrations only).</summary>
public sealed class MigrateDatabaseStep(
    CampaignDbContext db,
    IOptions<StorageOptions> storage,
    CampaignDatabase database,
    ILogger<MigrateDatabaseStep> logger) : IStartupStep
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!database.IsSqlite)
        {
            // PostgreSQL: the server and database exist already; several nodes may start at once, and the migrations
            // history table decides which migrations are still pending.
            var pendingOnServer = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("PostgreSQL database {Database} ready ({Count} migrations applied)", db.Database.GetDbConnection().Database, pendingOnServer.Count);
            return;
        }

        var path = storage.Value.FullDatabasePath;
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        // WAL lets readers proceed while one writer commits; the mode is stored in the file, so once is enough.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        logger.LogInformation("Database {Path} ready ({Count} migrations applied)", path, pending.Count);
    }
}
