namespace WorkflowHub.Campaign.Workflows;

/// <summary>One page of a list and how many items match in all.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total);
