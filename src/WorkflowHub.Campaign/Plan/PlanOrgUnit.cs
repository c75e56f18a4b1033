namespace WorkflowHub.Campaign.Plan;

/// <summary>A unit named by the plan: the committee office, a department, a district or an enterprise.</summary>
public sealed record PlanOrgUnit
{
    public required string Code { get; init; }
    public required OrgUnitKind Kind { get; init; }
    public required string NameZh { get; init; }
    public required string NameEn { get; init; }

    /// <summary>The unit this one belongs to, e.g. the district an enterprise lies in; must be another listed unit.</summary>
    public string? ParentCode { get; init; }

    /// <summary>Why the unit is in the list or how the plan spells it elsewhere.</summary>
    public string? Description { get; init; }
}
