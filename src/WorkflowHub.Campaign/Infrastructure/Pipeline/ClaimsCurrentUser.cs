using System.Security.Claims;
using WorkflowHub.Campaign.Accounts;

namespace WorkflowHub.Campaign.Infrastructure.Pipeline;

/// <summary>Reads the current user from a claims principal (cookie or bearer token); anonymous when there is none.</summary>
public sealed class ClaimsCurrentUser : ICurrentUser
{
    public ClaimsCurrentUser(ClaimsPrincipal? principal)
    {
        IsAuthenticated = principal?.Identity?.IsAuthenticated == true;
        if (!IsAuthenticated || principal is null)
        {
            Roles = new HashSet<string>(StringComparer.Ordinal);
            return;
        }

        UserId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        UserName = principal.FindFirstValue(ClaimTypes.Name);
        OrgUnitCode = principal.FindFirstValue(WorkflowHubClaimTypes.OrgUnit);
        Roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
    }

    public bool IsAuthenticated { get; }
    public bool IsSystem => false;
    public string? UserId { get; }
    public string? UserName { get; }
    public string? OrgUnitCode { get; }
    public IReadOnlySet<string> Roles { get; }
}
