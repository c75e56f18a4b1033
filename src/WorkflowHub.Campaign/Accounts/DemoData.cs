using WorkflowHub.Campaign.Domain;
using WorkflowHub.Campaign.Plan;

namespace WorkflowHub.Campaign.Accounts;

/// <summary>The demo enterprise and demo accounts, built on the fixed org units of the plan.</summary>
public static class DemoData
{
    public const string SafetyOfficeCode = PlanOrgCodes.SafetyOffice;
    public const string EmergencyCode = PlanOrgCodes.Emergency;
    public const string FireRescueCode = PlanOrgCodes.FireRescue;
    public const string EnterpriseCode = "enterprise-demo-chem";

    /// <summary>Enterprises are not in the plan: the demo adds one, in the district given.</summary>
    public static OrgUnit Enterprise(string districtCode) => new()
    {
        Code = EnterpriseCode,
        Kind = OrgUnitKind.Enterprise,
        NameZh = "华安精细化工有限公司",
        NameEn = "Hua'an Fine Chemicals Co., Ltd.",
        ParentCode = districtCode,
    };

    public static IReadOnlyList<DemoAccount> Accounts(string districtCode) =>
    [
        new("admin", "系统管理员", Roles.Admin, SafetyOfficeCode),
        new("office", "安委办值班员", Roles.CommitteeOffice, SafetyOfficeCode),
        new("auditor", "审计监察员", Roles.Auditor, SafetyOfficeCode),
        new("fire-officer", "消防支队经办人", Roles.DepartmentOfficer, FireRescueCode),
        new("fire-head", "消防支队负责人", Roles.DepartmentHead, FireRescueCode),
        new("emergency-officer", "应急管理局经办人", Roles.DepartmentOfficer, EmergencyCode),
        new("district-officer", "区政府经办人", Roles.LocalGovernment, districtCode),
        new("enterprise-demo", "华安化工安全主管", Roles.Enterprise, EnterpriseCode),
    ];
}
