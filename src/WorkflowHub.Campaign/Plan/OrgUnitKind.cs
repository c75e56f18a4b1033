namespace WorkflowHub.Campaign.Plan;

/// <summary>What kind of body an org unit is; users belong to exactly one unit.</summary>
public enum OrgUnitKind
{
    /// <summary>The city Safety Committee Office (市安委会办公室), which oversees the campaign.</summary>
    CommitteeOffice,

    /// <summary>A city department or party organ named as lead or co-responsible unit.</summary>
    Department,

    /// <summary>A district, county or county-level city government (区县(市)).</summary>
    District,

    /// <summary>A production and business unit (生产经营单位).</summary>
    Enterprise,
}
