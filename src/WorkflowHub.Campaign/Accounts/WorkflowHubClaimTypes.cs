namespace WorkflowHub.Campaign.Accounts;

/// <summary>Claims WorkflowHub adds to a signed-in principal (cookie and bearer token alike).</summary>
public static class WorkflowHubClaimTypes
{
    public const string OrgUnit = "workflowhub:org_unit";
    public const string DisplayName = "workflowhub:display_name";
}
