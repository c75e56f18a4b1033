namespace WorkflowHub.Campaign.Plan;

/// <summary>A topic (专题) or sector (行业领域) with its lead and co-responsible units, tasks and targets.</summary>
public sealed record PlanArea
{
    public required int Number { get; init; }
    public required string Code { get; init; }
    public required AreaKind Kind { get; init; }
    public required string NameZh { get; init; }
    public required string NameEn { get; init; }

    /// <summary>Codes of the lead units (牵头).</summary>
    public required IReadOnlyList<string> LeadUnits { get; init; }

    /// <summary>Codes of the units responsible within their duties (按职责分工负责).</summary>
    public required IReadOnlyList<string> CoUnits { get; init; }

    public required IReadOnlyList<PlanAreaTask> Tasks { get; init; }
    public required IReadOnlyList<PlanTarget> Targets { get; init; }

    /// <summary>
    /// The plan makes local party committees and governments responsible for every area
    /// (以下均需要地方各级党委和政府负责), so districts take part without being listed as co-units.
    /// </summary>
    public bool LocalGovernmentsResponsible { get; init; }

    /// <summary>The plan's responsibility clause for the area, verbatim (simplified characters).</summary>
    public string? ResponsibilityZh { get; init; }

    /// <summary>Editorial decisions about this area, e.g. a lead the plan leaves implicit.</summary>
    public string? Notes { get; init; }
}
