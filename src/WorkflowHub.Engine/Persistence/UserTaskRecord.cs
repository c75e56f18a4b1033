namespace WorkflowHub.Engine.Persistence;

/// <summary>A user task row. Kept after completion (state Completed/Cancelled) so the API can tell "already completed" from "not found".</summary>
public sealed class UserTaskRecord
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    /// <summary>The execution (token) inside the instance document that waits on this task.</summary>
    public int ExecutionId { get; set; }

    public string DefinitionId { get; set; } = "";

    /// <summary>The process key of the instance.</summary>
    public string DefinitionKey { get; set; } = "";

    public string? BusinessKey { get; set; }

    public string ElementId { get; set; } = "";

    public string? Name { get; set; }

    public string? Assignee { get; set; }

    public string[] CandidateUsers { get; set; } = [];

    public string[] CandidateGroups { get; set; } = [];

    public DateTimeOffset? DueDate { get; set; }

    public DateTimeOffset? FollowUpDate { get; set; }

    public int Priority { get; set; } = 50;

    public string? FormKey { get; set; }

    public UserTaskState State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? CompletedBy { get; set; }

    public UserTaskRecord Clone()
    {
        var copy = (UserTaskRecord)MemberwiseClone();
        copy.CandidateUsers = [.. CandidateUsers];
        copy.CandidateGroups = [.. CandidateGroups];
        return copy;
    }
}
