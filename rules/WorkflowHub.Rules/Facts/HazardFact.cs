using System.Text.Json.Serialization;

namespace WorkflowHub.Rules.Facts;

/// <summary>
/// A hazard as the rules see it. A class with an id (not a record) because NRules treats equal
/// records as one fact. Immutable: a snapshot serialised later is the fact as it was matched.
/// </summary>
public sealed class HazardFact
{
    public required string Id { get; init; }

    public required string Number { get; init; }

    public HazardGrade Grade { get; init; }

    public required string AreaCode { get; init; }

    public required string ResponsibleUnitCode { get; init; }

    public string? DistrictCode { get; init; }

    public HazardSource Source { get; init; }

    public required DateTimeOffset ReportedAt { get; init; }

    public DateTimeOffset? GradedAt { get; init; }

    /// <summary>The rectification deadline; null while no plan has set one.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>When rectification was last submitted; the application clears it when acceptance rejects.</summary>
    public DateTimeOffset? RectifiedAt { get; init; }

    /// <summary>When the hazard was closed (销号); null while open.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>How many times acceptance (验收) has rejected the rectification.</summary>
    public int RejectionCount { get; init; }

    public bool LinkedToAccident { get; init; }

    [JsonIgnore]
    public bool IsOpen => ClosedAt is null;

    /// <summary>Open, not rectified, and past its deadline.</summary>
    public bool IsOverdueAt(DateTimeOffset now) =>
        IsOpen && RectifiedAt is null && DueAt is { } due && now > due;

    /// <summary>Whole days past the deadline, or -1 when not overdue.</summary>
    public int DaysOverdueAt(DateTimeOffset now) =>
        IsOverdueAt(now) ? (int)Math.Floor((now - DueAt!.Value).TotalDays) : -1;

    /// <summary>Whole days since the hazard was graded, or -1 when ungraded.</summary>
    public int DaysSinceGradedAt(DateTimeOffset now) =>
        GradedAt is { } graded ? (int)Math.Floor((now - graded).TotalDays) : -1;

    /// <summary>Rectified no later than the deadline (or with no deadline) and within the given days of being reported.</summary>
    public bool WasRectifiedInTime(int withinDays) =>
        RectifiedAt is { } rectified
        && (DueAt is null || rectified <= DueAt.Value)
        && (rectified - ReportedAt).TotalDays <= withinDays;
}
