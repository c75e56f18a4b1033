namespace WorkflowHub.Engine.Model;

/// <summary>A parsed process: its nodes (at every depth) and flows by id, and its root scope.</summary>
public sealed class ProcessModel
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public required bool IsExecutable { get; init; }

    public required FlowScope RootScope { get; init; }

    public required IReadOnlyDictionary<string, FlowNode> Nodes { get; init; }

    public required IReadOnlyDictionary<string, SequenceFlow> Flows { get; init; }

    /// <summary>Elements and event definitions with execution meaning that the dialect does not execute.</summary>
    public required IReadOnlyList<ValidationIssue> Unsupported { get; init; }

    /// <summary>Structural problems found while reading (flows to missing elements, bad attachments...).</summary>
    public required IReadOnlyList<ValidationIssue> StructuralErrors { get; init; }

    /// <summary>Extension attributes that are kept but not executed.</summary>
    public required IReadOnlyList<ValidationIssue> Warnings { get; init; }

    public FlowNode GetNode(string id) => Nodes.TryGetValue(id, out var node) ? node : throw new KeyNotFoundException($"Element '{id}' is not part of process '{Id}'.");
}
