namespace WorkflowHub.Engine.Persistence;

/// <summary>
/// Implemented by transactions that can name the latest definition of a key without materializing its record: every
/// start asks for it, and the engine only needs the id to find the parsed definition it already holds. Same answer as
/// <see cref="IEngineTransaction.FindLatestDefinitionAsync"/>'s <see cref="DefinitionRecord.Id"/>.
/// </summary>
internal interface ILatestDefinitionIds
{
    string? FindLatestDefinitionId(string key);
}
