using WorkflowHub.Engine.Persistence.InMemory;

namespace WorkflowHub.Engine.EntityFrameworkCore.Tests.Contract;

/// <summary>The reference: the contract suite against the engine's in-memory store.</summary>
public sealed class InMemoryEngineStoreContractTests : EngineStoreContract
{
    private InMemoryEngineStore? _store;

    protected override Task<IEngineStore> CreateStoreAsync() => Task.FromResult<IEngineStore>(_store = new InMemoryEngineStore());

    protected override Task<IEngineStore> OpenSecondHandleAsync() => Task.FromResult<IEngineStore>(_store!);
}
