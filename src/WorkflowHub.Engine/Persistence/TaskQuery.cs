namespace WorkflowHub.Engine.Persistence;

/// <summary>
/// Filters are AND-ed, except <see cref="CandidateUser"/> and <see cref="CandidateGroups"/>, which are OR-ed with each other
/// (a task offered to the user directly or to any of the groups matches). Null means "any".
/// </summary>
public sealed record TaskQuery
{
    public string? Assignee { get; init; }

    public string? CandidateUser { get; init; }

    public IReadOnlyList<string>? CandidateGroups { get; init; }

    /// <summary>True: only tasks without an assignee; false: only assigned ones.</summary>
    public bool? Unassigned { get; init; }

    public Guid? InstanceId { get; init; }

    public string? BusinessKey { get; init; }

    /// <summary>Only tasks whose business key is one of these (an empty list matches nothing).</summary>
    public IReadOnlyCollection<string>? BusinessKeys { get; init; }

    /// <summary>The process key.</summary>
    public string? DefinitionKey { get; init; }

    public string? ElementId { get; init; }

    /// <summary>Defaults to active tasks; null means every state.</summary>
    public UserTaskState? State { get; init; } = UserTaskState.Active;

    /// <summary>Only tasks due strictly before this instant (pass "now" for overdue tasks).</summary>
    public DateTimeOffset? DueBefore { get; init; }

    public TaskSort Sort { get; init; } = TaskSort.Created;

    public int Skip { get; init; }

    public int Take { get; init; } = 50;
}
