namespace WorkflowHub.Engine.Model;

/// <summary>A problem found in a diagram: the element id it is about (null for the whole document) and what is wrong.</summary>
public sealed record ValidationIssue(string? ElementId, string Message)
{
    public override string ToString() => ElementId is null ? Message : $"{ElementId}: {Message}";
}
