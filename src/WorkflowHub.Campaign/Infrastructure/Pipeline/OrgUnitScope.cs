using WorkflowHub.Campaign.Accounts;

namespace WorkflowHub.Campaign.Infrastructure.Pipeline;

/// <summary>
/// Who sees which org unit's work (DESIGN.md §1): users see their own unit's work; the committee office,
/// auditors, administrators and the system see all. Handlers use these helpers to filter queries.
/// </summary>
public static class OrgUnitScope
{
    public static bool SeesAllUnits(ICurrentUser user) =>
        user.IsSystem
        || user.IsInRole(Roles.Admin)
        || user.IsInRole(Roles.CommitteeOffice)
        || user.IsInRole(Roles.Auditor);

    public static bool CanSee(ICurrentUser user, string orgUnitCode) =>
        SeesAllUnits(user) || string.Equals(user.OrgUnitCode, orgUnitCode, StringComparison.Ordinal);

    /// <summary>Acting (changing something) for a unit: auditors read everything but act for nobody.</summary>
    public static bool CanActFor(ICurrentUser user, string orgUnitCode)
    {
        if (user.IsSystem)
        {
            return true;
        }

        if (user.IsInRole(Roles.Auditor) && !user.IsInRole(Roles.Admin))
        {
            return false;
        }

        return CanSee(user, orgUnitCode);
    }

    /// <summary>Filters a query to the rows the user may see, given how each row names its org unit.</summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> query, ICurrentUser user, System.Linq.Expressions.Expression<Func<T, string>> orgUnitCode)
    {
        if (SeesAllUnits(user))
        {
            return query;
        }

        var code = user.OrgUnitCode ?? string.Empty;
        var parameter = orgUnitCode.Parameters[0];
        var body = System.Linq.Expressions.Expression.Equal(orgUnitCode.Body, System.Linq.Expressions.Expression.Constant(code));
        return query.Where(System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(body, parameter));
    }
}
