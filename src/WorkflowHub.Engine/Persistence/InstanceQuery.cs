namespace WorkflowHub.Engine.Persistence;

/// <summary>Filters are AND-ed; null means "any". Ordered by StartedAt descending.</summary>
public sealed record InstanceQuery
{
    public string? DefinitionKey { get; init; }

    public string? DefinitionId { get; init; }

    public string? BusinessKey { get; init; }

    public InstanceState? State { get; init; }

    public Guid? ParentInstanceId { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 50;
}
