using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace WorkflowHub.Campaign.Accounts;

/// <summary>Puts the org unit and display name into the principal so each request knows them without a query.</summary>
public sealed class AppUserClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(WorkflowHubClaimTypes.OrgUnit, user.OrgUnitCode));
        identity.AddClaim(new Claim(WorkflowHubClaimTypes.DisplayName, user.DisplayName));
        return identity;
    }
}
