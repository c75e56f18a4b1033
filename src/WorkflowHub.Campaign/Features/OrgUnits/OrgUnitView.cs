using WorkflowHub.Campaign.Domain;
using WorkflowHub.Campaign.Plan;

namespace WorkflowHub.Campaign.Features.OrgUnits;

/// <summary>An org unit as the API shows it; <see cref="Version"/> goes back with an edit.</summary>
public sealed record OrgUnitView(string Code, OrgUnitKind Kind, string NameZh, string NameEn, string? ParentCode, long Version)
{
    public static OrgUnitView From(OrgUnit unit) => new(unit.Code, unit.Kind, unit.NameZh, unit.NameEn, unit.ParentCode, unit.Version);
}
