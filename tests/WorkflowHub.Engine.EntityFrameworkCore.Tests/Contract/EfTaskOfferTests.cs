using Microsoft.EntityFrameworkCore;
using WorkflowHub.Engine.EntityFrameworkCore.Tests.Support;

namespace WorkflowHub.Engine.EntityFrameworkCore.Tests.Contract;

/// <summary>The open offers contract on a real SQLite file.</summary>
public sealed class EfTaskOfferTests : TaskOfferContract
{
    private readonly TempDatabase _database = new();

    protected override async Task<EfEngineStore> CreateStoreAsync() => await _database.CreateMigratedStoreAsync();

    protected override EngineDbContext OpenContext() =>
        new(new DbContextOptionsBuilder<EngineDbContext>().UseSqlite(_database.ConnectionString).Options);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }
}
