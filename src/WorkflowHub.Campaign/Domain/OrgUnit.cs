using WorkflowHub.Campaign.Plan;

namespace WorkflowHub.Campaign.Domain;

/// <summary>A unit that users belong to: the committee office, a department, a district or an enterprise.</summary>
public sealed class OrgUnit : IVersioned
{
    public required string Code { get; set; }
    public OrgUnitKind Kind { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }

    /// <summary>The unit this one reports to, e.g. the district an enterprise lies in.</summary>
    public string? ParentCode { get; set; }

    public long Version { get; set; }
}
