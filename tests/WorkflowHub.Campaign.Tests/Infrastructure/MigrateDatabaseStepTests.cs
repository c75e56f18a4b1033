using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Testing.EntityFrameworkCore;

namespace WorkflowHub.Campaign.Tests.Infrastructure;

/// <summary>The start-up migration of the campaign database: a restart with nothing pending leaves the migrator alone.</summary>
public sealed class MigrateDatabaseStepTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "workflowhub-campaign-tests", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_folder, "data", "campaign.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private CampaignDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<CampaignDbContext>();
        CampaignDbContextOptions.Configure(builder, StorageOptions.BuildConnectionString(DatabasePath));
        return new CampaignDbContext(builder.Options);
    }

    private async Task RunStepAsync()
    {
        var storage = Options.Create(new StorageOptions { DatabasePath = DatabasePath, FullDatabasePath = DatabasePath });
        await using var db = CreateContext();
        var step = new MigrateDatabaseStep(db, storage, new CampaignDatabase(Options.Create(new DatabaseOptions()), storage), NullLogger<MigrateDatabaseStep>.Instance);
        await step.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_new_file_is_created_migrated_and_in_WAL_mode()
    {
        using var runs = new MigratorRuns(DatabasePath);

        await RunStepAsync();

        Assert.Equal(1, runs.Count);
        await using var db = CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task A_restart_with_nothing_pending_does_not_run_the_migrator()
    {
        await RunStepAsync();
        using var runs = new MigratorRuns(DatabasePath);

        await RunStepAsync();

        Assert.Equal(0, runs.Count);
    }

    [Fact]
    public async Task A_restart_after_a_migration_was_added_runs_the_migrator_and_applies_it()
    {
        // The file as the previous release left it: every migration but the latest.
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        string latest;
        await using (var db = CreateContext())
        {
            var all = db.Database.GetMigrations().ToList();
            latest = all[^1];
            await db.GetService<IMigrator>().MigrateAsync(all[^2]);
            Assert.Equal([latest], await db.Database.GetPendingMigrationsAsync());
        }

        using var runs = new MigratorRuns(DatabasePath);
        await RunStepAsync();

        Assert.Equal(1, runs.Count);
        await using var check = CreateContext();
        Assert.Empty(await check.Database.GetPendingMigrationsAsync());
        Assert.Equal(latest, (await check.Database.GetAppliedMigrationsAsync()).Last());
    }
}
