using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using WorkflowHub.Campaign.Audit;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Engine.EntityFrameworkCore;

namespace WorkflowHub.Campaign.Tests.Audit;

/// <summary>
/// The appender and the verifier on a real, migrated SQLite file: with the entries in transactions of their own, and in
/// the engine commands' group commit when the engine's store keeps sessions on the same file.
/// </summary>
public abstract class AuditTrailTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "workflowhub-campaign-tests", Guid.NewGuid().ToString("N"));
    private DbContextOptions<CampaignDbContext> _options = null!;
    private readonly AuditClock _clock = new(new DateTimeOffset(2020, 7, 15, 2, 0, 0, TimeSpan.Zero));

    private EfEngineStore? _engineStore;

    protected EfEngineStore? EngineStore => _engineStore;

    protected abstract bool WithEngineStore { get; }

    protected string DatabasePath => Path.Combine(_folder, "campaign.db");

    protected DbContextOptions<CampaignDbContext> Options => _options;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var builder = new DbContextOptionsBuilder<CampaignDbContext>();
        CampaignDbContextOptions.Configure(builder, StorageOptions.BuildConnectionString(DatabasePath));
        _options = builder.Options;
        await using var db = new CampaignDbContext(_options);
        await db.Database.MigrateAsync();
        _engineStore = WithEngineStore ? EfEngineStore.ForSqlite(StorageOptions.BuildConnectionString(DatabasePath)) : null;
    }

    public Task DisposeAsync()
    {
        _engineStore?.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    protected AuditTrail Trail() => new(_options, _clock, NullLogger<AuditTrail>.Instance, _engineStore);

    /// <summary>An appender that writes its entries in transactions of its own, whatever the test class.</summary>
    protected AuditTrail TrailWithoutEngine() => new(_options, _clock, NullLogger<AuditTrail>.Instance);

    protected async Task<AuditVerification> VerifyAsync()
    {
        await using var db = new CampaignDbContext(_options);
        return await new AuditChainVerifier(db).VerifyAsync(CancellationToken.None);
    }

    private async Task<IReadOnlyList<AuditEntry>> AppendAsync(int count)
    {
        var entries = new List<AuditEntry>();
        for (var i = 0; i < count; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            entries.Add(await Trail().AppendAsync("u-" + i, "user" + i, "unit", "Command" + i, "{\"n\":" + i + "}", AuditOutcome.Succeeded, null, CancellationToken.None));
        }

        return entries;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task An_empty_chain_is_valid()
    {
        var result = await VerifyAsync();

        Assert.True(result.Valid);
        Assert.Equal(0, result.EntriesChecked);
        Assert.Null(result.LastSequence);
    }

    [Fact]
    public async Task Appended_entries_are_numbered_and_linked()
    {
        var entries = await AppendAsync(4);

        Assert.Equal([1L, 2, 3, 4], entries.Select(e => e.Sequence));
        Assert.Equal(AuditChainHasher.GenesisHash, entries[0].PreviousHash);
        for (var i = 1; i < entries.Count; i++)
        {
            Assert.Equal(entries[i - 1].Hash, entries[i].PreviousHash);
        }

        var result = await VerifyAsync();
        Assert.True(result.Valid);
        Assert.Equal(4, result.EntriesChecked);
        Assert.Equal(4, result.LastSequence);
        Assert.Equal(entries[3].Hash, result.LastHash);
    }

    [Fact]
    public async Task An_edited_entry_is_reported_exactly()
    {
        var entries = await AppendAsync(5);

        await ExecuteAsync($"UPDATE AuditEntries SET Payload = '{{\"n\":99}}' WHERE Sequence = 3");

        var result = await VerifyAsync();
        Assert.False(result.Valid);
        Assert.Equal(3, result.FirstBrokenEntry!.Sequence);
        Assert.Equal(entries[2].Id, result.FirstBrokenEntry.Id);
        Assert.Contains("does not match its hash", result.FirstBrokenEntry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_and_rehashed_entry_breaks_the_link_of_the_next_one()
    {
        var entries = await AppendAsync(5);
        var forged = entries[1];
        forged.UserName = "nobody";
        var forgedHash = AuditChainHasher.ComputeHash(forged.PreviousHash, forged);

        await ExecuteAsync($"UPDATE AuditEntries SET UserName = 'nobody', Hash = '{forgedHash}' WHERE Sequence = 2");

        var result = await VerifyAsync();
        Assert.False(result.Valid);
        Assert.Equal(3, result.FirstBrokenEntry!.Sequence);
        Assert.Contains("previous hash", result.FirstBrokenEntry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_entry_is_reported_at_the_gap()
    {
        var entries = await AppendAsync(5);

        await ExecuteAsync("DELETE FROM AuditEntries WHERE Sequence = 2");

        var result = await VerifyAsync();
        Assert.False(result.Valid);
        Assert.Equal(3, result.FirstBrokenEntry!.Sequence);
        Assert.Equal(entries[2].Id, result.FirstBrokenEntry.Id);
        Assert.Contains("missing", result.FirstBrokenEntry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_appends_never_fork_the_chain()
    {
        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() =>
            Trail().AppendAsync(null, "parallel" + i, null, "Parallel", "{}", AuditOutcome.Succeeded, null, CancellationToken.None))));

        var result = await VerifyAsync();
        Assert.True(result.Valid, result.FirstBrokenEntry?.Reason);
        Assert.Equal(24, result.EntriesChecked);
        Assert.Equal(24, result.LastSequence);
    }

    [Fact]
    public async Task Concurrent_appends_each_return_their_own_committed_link()
    {
        // Many callers at once share transactions (group commit); each still gets back its own entry, numbered and
        // sealed exactly as stored, and none is lost or written twice.
        var appended = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => Task.Run(() =>
            Trail().AppendAsync("u-" + i, "user" + i, null, "Parallel", "{\"n\":" + i + "}", AuditOutcome.Succeeded, null, CancellationToken.None))));

        Assert.Equal(Enumerable.Range(1, 300).Select(n => (long)n), appended.Select(e => e.Sequence).Order());
        await using var db = new CampaignDbContext(_options);
        var stored = await db.Set<AuditEntry>().AsNoTracking().ToDictionaryAsync(e => e.Id);
        Assert.Equal(300, stored.Count);
        foreach (var entry in appended)
        {
            var row = stored[entry.Id];
            Assert.Equal((entry.Sequence, entry.Hash, entry.PreviousHash, entry.UserId), (row.Sequence, row.Hash, row.PreviousHash, row.UserId));
        }

        var result = await VerifyAsync();
        Assert.True(result.Valid, result.FirstBrokenEntry?.Reason);
        Assert.Equal(300, result.LastSequence);
    }

    [Fact]
    public async Task A_duplicate_sequence_is_refused_by_the_database()
    {
        await AppendAsync(1);

        await using var db = new CampaignDbContext(_options);
        db.Set<AuditEntry>().Add(new AuditEntry { Id = Guid.NewGuid(), Sequence = 1, Action = "Fork", PreviousHash = AuditChainHasher.GenesisHash, Hash = "x" });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    private sealed class AuditClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
