namespace WorkflowHub.Campaign.Accounts;

/// <summary>A demo login: its user name, display name, role and the org unit it belongs to.</summary>
public sealed record DemoAccount(string UserName, string DisplayName, string Role, string OrgUnitCode);
