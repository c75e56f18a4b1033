using Microsoft.AspNetCore.Identity;

namespace WorkflowHub.Campaign.Accounts;

/// <summary>A local account. Every user belongs to exactly one org unit.</summary>
public sealed class AppUser : IdentityUser
{
    public required string OrgUnitCode { get; set; }
    public required string DisplayName { get; set; }
}
