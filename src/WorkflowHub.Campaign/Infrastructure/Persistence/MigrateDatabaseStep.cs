using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkflowHub.Campaign.Infrastructure.Startup;

namespace WorkflowHub.Campaign.Infrastructure.Persistence;

/// <summary>
/// Creates the database folder, switches the file to WAL and applies pending migrations (on PostgreSQL: migrations only).
/// A restart usually finds none pending, and then the migrator is not run at all: EF Core's Migrate checks the model
/// against the snapshot (building the design-time model) and takes the migrations lock even when there is nothing to
/// apply, which was the largest part of a restart's start-up (docs/performance.md, "Start-up").
/// </summary>
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
            // A node that finds none pending has nothing to wait for; one that finds some takes the lock in Migrate, which
            // reads the history again under it, so two nodes starting at once still apply each migration once.
            var pendingOnServer = await ApplyPendingMigrationsAsync(cancellationToken);
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

        var pending = await ApplyPendingMigrationsAsync(cancellationToken);
        logger.LogInformation("Database {Path} ready ({Count} migrations applied)", path, pending.Count);
    }

    /// <summary>Runs the migrator only when the history table lacks one of the assembly's migrations; returns those.</summary>
    private async Task<IReadOnlyList<string>> ApplyPendingMigrationsAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        return pending;
    }
}
