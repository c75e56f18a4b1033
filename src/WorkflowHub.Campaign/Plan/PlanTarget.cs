namespace WorkflowHub.Campaign.Plan;

/// <summary>A quantified target: the minimum <see cref="Value"/> of a measure to reach by <see cref="Deadline"/>.</summary>
public sealed record PlanTarget
{
    public required string Code { get; init; }
    public required string MeasureZh { get; init; }
    public required string MeasureEn { get; init; }
    public required decimal Value { get; init; }

    /// <summary>One of <see cref="TargetUnits.All"/>, e.g. <c>percent</c> or <c>count</c>.</summary>
    public required string Unit { get; init; }

    public required DateOnly Deadline { get; init; }

    /// <summary>Code of the org unit answerable for the target.</summary>
    public required string ResponsibleUnit { get; init; }

    /// <summary>False when the plan gives no date and the deadline is the campaign's end.</summary>
    public bool DeadlineStated { get; init; } = true;

    /// <summary>The plan's words the target was read from (simplified characters).</summary>
    public string? SourceZh { get; init; }
}
