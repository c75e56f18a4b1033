namespace WorkflowHub.Engine.Parsing;

public sealed record BpmnParserOptions
{
    /// <summary>Largest accepted document, in characters.</summary>
    public long MaxCharacters { get; init; } = 5 * 1024 * 1024;

    /// <summary>Deepest accepted element nesting.</summary>
    public int MaxDepth { get; init; } = 64;
}
