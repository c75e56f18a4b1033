namespace WorkflowHub.Engine.Persistence;

/// <summary>Filters are AND-ed; null means "any". Ordered by CreatedAt ascending.</summary>
public sealed record IncidentQuery
{
    public Guid? InstanceId { get; init; }

    public string? DefinitionKey { get; init; }

    public IncidentState? State { get; init; } = IncidentState.Open;

    public int Skip { get; init; }

    public int Take { get; init; } = 50;
}
