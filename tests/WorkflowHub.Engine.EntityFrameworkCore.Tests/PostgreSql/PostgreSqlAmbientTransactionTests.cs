using Npgsql;
using WorkflowHub.Engine.EntityFrameworkCore.Transactions;
using WorkflowHub.Testing.PostgreSql;
using static WorkflowHub.Engine.EntityFrameworkCore.Tests.Support.Records;

namespace WorkflowHub.Engine.EntityFrameworkCore.Tests.PostgreSql;

/// <summary>The application's writes and the engine's writes in one PostgreSQL transaction on one NpgsqlConnection.</summary>
public sealed class PostgreSqlAmbientTransactionTests : IAsyncLifetime
{
    private PostgreSqlEngineDatabase _database = null!;
    private EfEngineStore _store = null!;

    public async Task InitializeAsync()
    {
        if (PostgreSqlCluster.SkipReason is not null)
        {
            return;
        }

        _database = await PostgreSqlEngineDatabase.CreateMigratedAsync();
        _store = _database.CreateStore();
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand("CREATE TABLE app_hazards (id uuid PRIMARY KEY, title text NOT NULL)", connection);
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [PostgreSqlFact]
    public async Task Committing_the_owners_transaction_keeps_both_and_rolling_back_removes_both()
    {
        var kept = Instance();
        var dropped = Instance();
        var keptHazard = await WriteBothAsync(kept, commit: true);
        var droppedHazard = await WriteBothAsync(dropped, commit: false);

        Assert.True(await HazardExistsAsync(keptHazard));
        Assert.NotNull(await _store.FindInstanceAsync(kept.Id));
        Assert.Single(await _store.GetHistoryAsync(kept.Id));
        Assert.False(await HazardExistsAsync(droppedHazard));
        Assert.Null(await _store.FindInstanceAsync(dropped.Id));
        Assert.Empty(await _store.GetJobsByInstanceAsync(dropped.Id));
    }

    [PostgreSqlFact]
    public async Task A_failed_engine_commit_rolls_back_to_its_savepoint_and_the_owners_transaction_still_commits()
    {
        var existing = Instance();
        await using (var tx = await _store.BeginAsync())
        {
            tx.AddInstance(existing);
            await tx.CommitAsync();
        }

        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var hazardId = await InsertHazardAsync(connection, transaction);
        var fresh = Instance();
        using (EngineTransactionScope.Join(connection, transaction))
        {
            await using var tx = await _store.BeginAsync();
            tx.AddInstance(fresh);
            tx.AddTask(UserTask(fresh));
            tx.AddInstance(existing);
            await Assert.ThrowsAsync<ConcurrencyException>(() => tx.CommitAsync());
        }

        // Without the savepoint PostgreSQL would have aborted the whole transaction at the failed statement.
        await transaction.CommitAsync();
        Assert.True(await HazardExistsAsync(hazardId));
        Assert.Null(await _store.FindInstanceAsync(fresh.Id));
    }

    private async Task<Guid> WriteBothAsync(InstanceRecord instance, bool commit)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var hazardId = await InsertHazardAsync(connection, transaction);
        using (EngineTransactionScope.Join(connection, transaction))
        {
            await using var tx = await _store.BeginAsync();
            tx.AddInstance(instance);
            tx.AddTask(UserTask(instance));
            tx.AddJob(Job(T0, instanceId: instance.Id));
            tx.AppendHistory(History(instance, 1, HistoryEventType.InstanceStarted));
            await tx.CommitAsync();

            // The engine reads its own uncommitted rows through the owner's connection.
            Assert.NotNull(await _store.FindInstanceAsync(instance.Id));
        }

        if (commit)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }

        return hazardId;
    }

    private static async Task<Guid> InsertHazardAsync(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var id = Guid.NewGuid();
        await using var insert = new NpgsqlCommand("INSERT INTO app_hazards (id, title) VALUES (@id, '井下作业未审批')", connection, transaction);
        insert.Parameters.AddWithValue("id", id);
        await insert.ExecuteNonQueryAsync();
        return id;
    }

    private async Task<bool> HazardExistsAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT count(*) FROM app_hazards WHERE id = @id", connection);
        select.Parameters.AddWithValue("id", id);
        return (long)(await select.ExecuteScalarAsync())! == 1;
    }
}
