using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Engine.EntityFrameworkCore.Tests.Support;
using WorkflowHub.Engine.EntityFrameworkCore.Transactions;
using static WorkflowHub.Engine.EntityFrameworkCore.Tests.Support.Records;

namespace WorkflowHub.Engine.EntityFrameworkCore.Tests.Sqlite;

/// <summary>The application's writes and the engine's writes in one database transaction, owned by the application.</summary>
public sealed class AmbientTransactionTests : IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private EfEngineStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await _database.CreateMigratedStoreAsync();
        await using var app = CreateAppContext();
        await app.Database.ExecuteSqlRawAsync("CREATE TABLE app_hazards (id TEXT NOT NULL PRIMARY KEY, title TEXT NOT NULL)");
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    private AppContext CreateAppContext() => new(new DbContextOptionsBuilder<AppContext>().UseSqlite(_database.ConnectionString).Options);

    /// <summary>What an engine command writes: an instance, its first task, a timer and history.</summary>
    private async Task StartWorkflowAsync(InstanceRecord instance)
    {
        await using var tx = await _store.BeginAsync();
        tx.AddInstance(instance);
        tx.AddTask(UserTask(instance));
        tx.AddJob(Job(T0, instanceId: instance.Id));
        tx.AddSubscription(Subscription("整改完成", instance));
        tx.AppendHistory(History(instance, 1, HistoryEventType.InstanceStarted));
        await tx.CommitAsync();
    }

    private async Task<(bool HazardStored, bool InstanceStored, int Tasks, int History)> StateOf(Guid hazardId, InstanceRecord instance)
    {
        await using var app = CreateAppContext();
        var hazard = await app.Hazards.AnyAsync(h => h.Id == hazardId);
        return (
            hazard,
            await _store.FindInstanceAsync(instance.Id) is not null,
            (await _store.QueryTasksAsync(new TaskQuery { InstanceId = instance.Id })).TotalCount,
            (await _store.GetHistoryAsync(instance.Id)).Count);
    }

    [Fact]
    public async Task Rolling_back_the_owners_transaction_removes_the_engines_writes_too()
    {
        var hazard = new Hazard { Id = Guid.NewGuid(), Title = "厂房消防通道堵塞" };
        var instance = Instance(businessKey: hazard.Id.ToString());
        await using (var app = CreateAppContext())
        {
            await using var transaction = await app.Database.BeginTransactionAsync();
            using (EngineTransactionScope.Join(app.Database))
            {
                app.Hazards.Add(hazard);
                await app.SaveChangesAsync();
                await StartWorkflowAsync(instance);

                // Inside the scope the engine sees its own uncommitted rows; outside the owner's transaction nobody does.
                Assert.NotNull(await _store.FindInstanceAsync(instance.Id));
            }

            await transaction.RollbackAsync();
        }

        Assert.Equal((false, false, 0, 0), await StateOf(hazard.Id, instance));
        Assert.Empty(await _store.AcquireDueJobsAsync("node", T0, TimeSpan.FromMinutes(1), 10));
    }

    [Fact]
    public async Task Committing_the_owners_transaction_keeps_both()
    {
        var hazard = new Hazard { Id = Guid.NewGuid(), Title = "危化品仓库超量储存" };
        var instance = Instance(businessKey: hazard.Id.ToString());
        await using (var app = CreateAppContext())
        {
            await using var transaction = await app.Database.BeginTransactionAsync();
            using (EngineTransactionScope.Join(app.Database))
            {
                app.Hazards.Add(hazard);
                await app.SaveChangesAsync();
                await StartWorkflowAsync(instance);
            }

            Assert.Null(EngineTransactionScope.Current);
            await transaction.CommitAsync();
        }

        Assert.Equal((true, true, 1, 1), await StateOf(hazard.Id, instance));
        Assert.Single(await _store.FindMessageSubscriptionsAsync("整改完成", instance.BusinessKey));
    }

    [Fact]
    public async Task A_failed_engine_commit_inside_the_owners_transaction_leaves_none_of_its_rows_and_keeps_the_owners()
    {
        var existing = Instance();
        await StartWorkflowAsync(existing);

        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var hazardId = Guid.NewGuid();
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO app_hazards (id, title) VALUES ($id, '井下作业未审批')";
            insert.Parameters.AddWithValue("$id", hazardId.ToString().ToUpperInvariant());
            await insert.ExecuteNonQueryAsync();
        }

        var fresh = Instance();
        using (EngineTransactionScope.Join(connection, transaction))
        {
            await using var tx = await _store.BeginAsync();
            tx.AddInstance(fresh);
            tx.AddTask(UserTask(fresh));
            tx.AppendHistory(History(fresh, 1));
            tx.AddInstance(existing);
            await Assert.ThrowsAsync<ConcurrencyException>(() => tx.CommitAsync());
        }

        await transaction.CommitAsync();

        Assert.Equal((true, false, 0, 0), await StateOf(hazardId, fresh));
    }

    [Fact]
    public void Joining_requires_a_begun_transaction()
    {
        using var app = CreateAppContext();
        Assert.Throws<InvalidOperationException>(() => EngineTransactionScope.Join(app.Database));
        Assert.Null(EngineTransactionScope.Current);
    }

    private sealed class Hazard
    {
        public Guid Id { get; set; }

        public string Title { get; set; } = "";
    }

    private sealed class AppContext(DbContextOptions<AppContext> options) : DbContext(options)
    {
        public DbSet<Hazard> Hazards => Set<Hazard>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Hazard>(h =>
            {
                h.ToTable("app_hazards");
                h.Property(x => x.Id).HasColumnName("id");
                h.Property(x => x.Title).HasColumnName("title");
            });
        }
    }
}
