namespace WorkflowHub.Engine.Scripting;

/// <summary>The sandbox every expression and script runs in.</summary>
public sealed record ScriptLimits
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    public int MaxStatements { get; init; } = 100_000;

    public long MaxMemoryBytes { get; init; } = 16 * 1024 * 1024;

    public int MaxRecursionDepth { get; init; } = 64;
}
