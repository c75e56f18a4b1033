using System.Text.Json.Serialization;

namespace WorkflowHub.Rules.Facts;

/// <summary>A user task waiting in a unit's inbox (a BPMN user task, seen without the engine).</summary>
public sealed class UserTaskFact
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string UnitCode { get; init; }

    /// <summary>The hazard or target the task works on, when it has one.</summary>
    public string? SubjectId { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    [JsonIgnore]
    public bool IsOpen => CompletedAt is null;

    public bool IsOverdueAt(DateTimeOffset now) => IsOpen && DueAt is { } due && now > due;

    /// <summary>Whole days past the due date, or -1 when not overdue.</summary>
    public int DaysOverdueAt(DateTimeOffset now) =>
        IsOverdueAt(now) ? (int)Math.Floor((now - DueAt!.Value).TotalDays) : -1;
}
