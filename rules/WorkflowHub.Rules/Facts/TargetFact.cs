using System.Text.Json.Serialization;

namespace WorkflowHub.Rules.Facts;

/// <summary>
/// A campaign target (e.g. "hazards rectified ≥ 95%"). Progress runs from <see cref="BaselineValue"/>
/// towards <see cref="TargetValue"/>, in either direction, so reduction targets work too.
/// </summary>
public sealed class TargetFact
{
    public required string Id { get; init; }

    public required string Code { get; init; }

    public string? Name { get; init; }

    public required string AreaCode { get; init; }

    public required string LeadUnitCode { get; init; }

    public decimal BaselineValue { get; init; }

    public required decimal TargetValue { get; init; }

    public required decimal ReportedValue { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public required DateTimeOffset Deadline { get; init; }

    /// <summary>Share of the way from baseline to target the reported value has come (1 = met).</summary>
    [JsonIgnore]
    public decimal AchievedFraction => TargetProgress.AchievedFraction(this);

    [JsonIgnore]
    public bool IsMet => AchievedFraction >= 1m;

    public decimal ExpectedFractionAt(DateTimeOffset now) => TargetProgress.ExpectedFraction(this, now);

    public decimal ExpectedValueAt(DateTimeOffset now) => TargetProgress.ExpectedValue(this, now);

    /// <summary>Behind the linear expectation by more than the tolerance (e.g. 0.1 = 10% of the expected progress).</summary>
    public bool IsBehindAt(DateTimeOffset now, decimal toleranceRatio) =>
        now < Deadline && AchievedFraction < ExpectedFractionAt(now) * (1m - toleranceRatio);
}
