using System.Collections.Concurrent;
using WorkflowHub.Engine.Parsing;
using WorkflowHub.Engine.Persistence;

namespace WorkflowHub.Engine.Runtime;

/// <summary>Parsed definitions by id: each deployed XML is parsed once per process lifetime.</summary>
internal sealed class DefinitionCache(BpmnParserOptions parserOptions)
{
    private readonly ConcurrentDictionary<string, ProcessDefinition> _byId = new(StringComparer.Ordinal);

    public void Add(ProcessDefinition definition) => _byId.TryAdd(definition.Id, definition);

    public ProcessDefinition GetOrParse(DefinitionRecord record)
    {
        if (_byId.TryGetValue(record.Id, out var cached))
        {
            return cached;
        }

        var document = new BpmnParser(parserOptions).Parse(record.Xml);
        var model = document.FindProcess(record.Key)
            ?? throw new InvalidOperationException($"The stored definition '{record.Id}' does not contain process '{record.Key}'.");
        return _byId.GetOrAdd(record.Id, new ProcessDefinition(record.Id, record.Key, record.Version, model));
    }

    /// <summary>The latest version of <paramref name="key"/>, or null when none is deployed.</summary>
    public ValueTask<ProcessDefinition?> FindLatestAsync(IEngineTransaction tx, string key, CancellationToken ct)
    {
        // Every start asks: a store that names the id spares a record copy, and a parsed definition is usually held.
        if (tx is ILatestDefinitionIds ids)
        {
            if (ids.FindLatestDefinitionId(key) is not { } id)
            {
                return ValueTask.FromResult<ProcessDefinition?>(null);
            }

            if (_byId.TryGetValue(id, out var cached))
            {
                return ValueTask.FromResult<ProcessDefinition?>(cached);
            }
        }

        return new ValueTask<ProcessDefinition?>(LoadLatestAsync(tx, key, ct));
    }

    private async Task<ProcessDefinition?> LoadLatestAsync(IEngineTransaction tx, string key, CancellationToken ct) =>
        await tx.FindLatestDefinitionAsync(key, ct) is { } record ? GetOrParse(record) : null;

    public Task<ProcessDefinition?> FindAsync(IEngineTransaction tx, string id, CancellationToken ct) =>
        FindAsync(id, () => tx.FindDefinitionAsync(id, ct));

    public Task<ProcessDefinition?> FindAsync(IEngineQueryStore store, string id, CancellationToken ct) =>
        FindAsync(id, () => store.FindDefinitionAsync(id, ct));

    private async Task<ProcessDefinition?> FindAsync(string id, Func<Task<DefinitionRecord?>> load)
    {
        if (_byId.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var record = await load();
        return record is null ? null : GetOrParse(record);
    }
}
