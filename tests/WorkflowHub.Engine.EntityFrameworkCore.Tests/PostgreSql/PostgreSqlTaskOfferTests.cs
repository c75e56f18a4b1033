using Microsoft.EntityFrameworkCore;
using WorkflowHub.Engine.EntityFrameworkCore.PostgreSql;
using WorkflowHub.Engine.EntityFrameworkCore.Tests.Contract;
using WorkflowHub.Engine.EntityFrameworkCore.Tests.Support;

namespace WorkflowHub.Engine.EntityFrameworkCore.Tests.PostgreSql;

/// <summary>The open offers contract on PostgreSQL (a fresh migrated database per test); skipped when no PostgreSQL can be started.</summary>
[RequiresPostgreSql]
public sealed class PostgreSqlTaskOfferTests : TaskOfferContract
{
    private PostgreSqlEngineDatabase? _database;

    protected override async Task<EfEngineStore> CreateStoreAsync()
    {
        _database = await PostgreSqlEngineDatabase.CreateMigratedAsync();
        return _database.CreateStore();
    }

    protected override EngineDbContext OpenContext()
    {
        var builder = new DbContextOptionsBuilder<EngineDbContext>();
        new PostgreSqlEngineDatabaseProvider(_database!.ConnectionString).Configure(builder);
        return new EngineDbContext(builder.Options);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
