using WorkflowHub.Campaign.Accounts;

namespace WorkflowHub.Server.Infrastructure.Web;

/// <summary>
/// Who uses the audit trace and the rules page: auditors, administrators, the committee office, and department heads
/// (who see the decisions addressed to their own unit, as the decision features filter them).
/// </summary>
public static class AuditRoles
{
    /// <summary>For <c>[Authorize(Roles = AuditRoles.Names)]</c>.</summary>
    public const string Names = Roles.Auditor + "," + Roles.Admin + "," + Roles.CommitteeOffice + "," + Roles.DepartmentHead;

    /// <summary>The same roles for the menu.</summary>
    public static IReadOnlyList<string> All { get; } = [Roles.Auditor, Roles.Admin, Roles.CommitteeOffice, Roles.DepartmentHead];

    /// <summary>Who may replay a decision (the replay feature's own rule).</summary>
    public const string Replayers = Roles.Auditor + "," + Roles.Admin;
}
