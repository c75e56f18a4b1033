using WorkflowHub.Engine.EntityFrameworkCore.Tests.Contract;
using WorkflowHub.Engine.EntityFrameworkCore.Tests.Support;

namespace WorkflowHub.Engine.EntityFrameworkCore.Tests.PostgreSql;

/// <summary>
/// The contract suite against the EF store on PostgreSQL (a fresh migrated database per test); the second handle is a
/// separate store with its own pool, as another server node would have. Skipped when no PostgreSQL can be started.
/// </summary>
[RequiresPostgreSql]
public sealed class PostgreSqlEngineStoreContractTests : EngineStoreContract
{
    private PostgreSqlEngineDatabase? _database;

    protected override async Task<IEngineStore> CreateStoreAsync()
    {
        _database = await PostgreSqlEngineDatabase.CreateMigratedAsync();
        return _database.CreateStore();
    }

    protected override Task<IEngineStore> OpenSecondHandleAsync() => Task.FromResult<IEngineStore>(_database!.CreateStore());

    public override async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
