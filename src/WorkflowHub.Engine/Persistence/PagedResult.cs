namespace WorkflowHub.Engine.Persistence;

/// <summary>One page of a query plus the total count of matching rows.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);
