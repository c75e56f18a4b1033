using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Hazards.Tallies;

/// <summary>
/// The hazards a user sees, told in the two columns the tallies keep: all of them, one responsible unit's, or one
/// district's. <see cref="Of"/> gives null for the users <see cref="HazardAccess.VisibleTo"/> filters otherwise (an
/// enterprise, several roles at once, none): their few hazards are counted from the hazards themselves.
/// </summary>
public sealed record HazardTallyScope(string? ResponsibleUnitCode, string? DistrictCode)
{
    public static HazardTallyScope? Of(ICurrentUser user)
    {
        if (OrgUnitScope.SeesAllUnits(user))
        {
            return new HazardTallyScope(null, null);
        }

        var unit = user.OrgUnitCode ?? string.Empty;
        var department = user.IsInRole(Roles.DepartmentOfficer) || user.IsInRole(Roles.DepartmentHead);
        var district = user.IsInRole(Roles.LocalGovernment);
        var enterprise = user.IsInRole(Roles.Enterprise);
        return (department, district, enterprise) switch
        {
            (true, false, false) => new HazardTallyScope(unit, null),
            (false, true, false) => new HazardTallyScope(null, unit),
            _ => null,
        };
    }

    /// <summary>The rows of the scope's hazards: the same clause <see cref="HazardAccess.VisibleTo"/> writes, on a tally.</summary>
    public IQueryable<T> Filter<T>(IQueryable<T> tallies)
        where T : class, IHazardTally
    {
        if (ResponsibleUnitCode is { } unit)
        {
            return tallies.Where(t => t.ResponsibleUnitCode == unit);
        }

        return DistrictCode is { } district ? tallies.Where(t => t.DistrictCode == district) : tallies;
    }

    /// <summary>The same test in memory, for the few hazards read to complete a count.</summary>
    public bool Includes(string responsibleUnitCode, string districtCode) =>
        (ResponsibleUnitCode is null || ResponsibleUnitCode == responsibleUnitCode)
        && (DistrictCode is null || DistrictCode == districtCode);
}
