using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Domain;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Hazards;

/// <summary>
/// Who sees and who may report which hazards. The committee office, auditors and administrators see all;
/// a department sees the hazards it is responsible for, a district those in its territory, an enterprise its own.
/// </summary>
public static class HazardAccess
{
    public static IQueryable<Hazard> VisibleTo(this IQueryable<Hazard> hazards, ICurrentUser user)
    {
        if (OrgUnitScope.SeesAllUnits(user))
        {
            return hazards;
        }

        var unit = user.OrgUnitCode ?? string.Empty;
        var department = user.IsInRole(Roles.DepartmentOfficer) || user.IsInRole(Roles.DepartmentHead);
        var district = user.IsInRole(Roles.LocalGovernment);
        var enterprise = user.IsInRole(Roles.Enterprise);

        // Only the clauses of the user's roles go into the SQL: "unit = @u" alone seeks the index on that column,
        // where "(@role AND unit = @u) OR ..." would make SQLite scan every hazard.
        return (department, district, enterprise) switch
        {
            (true, false, false) => hazards.Where(h => h.ResponsibleUnitCode == unit),
            (false, true, false) => hazards.Where(h => h.DistrictCode == unit),
            (false, false, true) => hazards.Where(h => h.EnterpriseUnitCode == unit),
            (false, false, false) => hazards.Where(_ => false),
            _ => hazards.Where(h =>
                (department && h.ResponsibleUnitCode == unit)
                || (district && h.DistrictCode == unit)
                || (enterprise && h.EnterpriseUnitCode == unit)),
        };
    }

    /// <summary>
    /// Refuses a report the user may not make: an enterprise reports for itself, a district for its own territory,
    /// a department for the areas it leads or shares; the committee office and administrators report anything.
    /// </summary>
    public static async Task EnsureMayReportAsync(CampaignDbContext db, ICurrentUser user, string areaCode, string districtCode, string? enterpriseUnitCode, CancellationToken cancellationToken)
    {
        if (user.IsSystem || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.CommitteeOffice))
        {
            return;
        }

        var unit = user.OrgUnitCode;
        if (unit is null)
        {
            throw new ForbiddenException("You belong to no org unit, so you may not report hazards.");
        }

        if (user.IsInRole(Roles.Enterprise) && enterpriseUnitCode == unit)
        {
            return;
        }

        if (user.IsInRole(Roles.LocalGovernment) && districtCode == unit)
        {
            return;
        }

        if ((user.IsInRole(Roles.DepartmentOfficer) || user.IsInRole(Roles.DepartmentHead))
            && await db.AreaUnits.AnyAsync(a => a.AreaCode == areaCode && a.OrgUnitCode == unit, cancellationToken))
        {
            return;
        }

        throw new ForbiddenException($"You may not report hazards for area '{areaCode}' in district '{districtCode}'.");
    }

    /// <summary>The area's first lead unit (牵头单位), responsible by default for the area's hazards.</summary>
    public static async Task<string?> LeadUnitOfAsync(CampaignDbContext db, string areaCode, CancellationToken cancellationToken) =>
        await db.AreaUnits.AsNoTracking()
            .Where(a => a.AreaCode == areaCode && a.Role == AreaUnitRole.Lead)
            .OrderBy(a => a.Position)
            .Select(a => a.OrgUnitCode)
            .FirstOrDefaultAsync(cancellationToken);
}
