using WorkflowHub.Engine.EntityFrameworkCore.Tests.Support;

namespace WorkflowHub.Engine.EntityFrameworkCore.Tests.Contract;

/// <summary>The contract suite against the EF store on a real SQLite file; the second handle is a separate store (own pool and connections) on the same file.</summary>
public sealed class EfEngineStoreContractTests : EngineStoreContract
{
    private readonly TempDatabase _database = new();

    protected override async Task<IEngineStore> CreateStoreAsync() => await _database.CreateMigratedStoreAsync();

    protected override Task<IEngineStore> OpenSecondHandleAsync() => Task.FromResult<IEngineStore>(EfEngineStore.ForSqlite(_database.ConnectionString));

    public override Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }
}
