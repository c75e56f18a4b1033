using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Infrastructure.Persistence;

namespace WorkflowHub.Campaign.Tests.Infrastructure;

/// <summary>A real, migrated SQLite file in its own temp folder; each <see cref="CreateContext"/> is a fresh unit of work.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _folder;
    private readonly DbContextOptions<CampaignDbContext> _options;

    private TestDatabase(string folder)
    {
        _folder = folder;
        var builder = new DbContextOptionsBuilder<CampaignDbContext>();
        CampaignDbContextOptions.Configure(builder, StorageOptions.BuildConnectionString(Path.Combine(folder, "campaign.db")));
        _options = builder.Options;
    }

    public static async Task<TestDatabase> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "workflowhub-campaign-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = new TestDatabase(folder);
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public CampaignDbContext CreateContext() => new(_options);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
