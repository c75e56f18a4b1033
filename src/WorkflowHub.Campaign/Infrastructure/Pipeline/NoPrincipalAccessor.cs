using System.Security.Claims;

namespace WorkflowHub.Campaign.Infrastructure.Pipeline;

/// <summary>The default outside a web host: nobody is signed in.</summary>
public sealed class NoPrincipalAccessor : IPrincipalAccessor
{
    public ClaimsPrincipal? Principal => null;
}
