namespace WorkflowHub.Campaign.Plan;

/// <summary>Org unit codes other code may rely on; the plan file must use exactly these.</summary>
public static class PlanOrgCodes
{
    /// <summary>市安委会办公室, the single committee office.</summary>
    public const string SafetyOffice = "city-safety-office";

    /// <summary>市应急管理局.</summary>
    public const string Emergency = "city-emergency";

    /// <summary>市消防救援支队.</summary>
    public const string FireRescue = "city-fire-rescue";

    /// <summary>Every district, county and county-level city code starts with this.</summary>
    public const string DistrictPrefix = "district-";
}
