using System.Security.Claims;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Server.Infrastructure.Auth;

/// <summary>The principal of the current HTTP request, for <see cref="ICurrentUser"/>.</summary>
public sealed class HttpContextPrincipalAccessor(IHttpContextAccessor httpContextAccessor) : IPrincipalAccessor
{
    public ClaimsPrincipal? Principal => httpContextAccessor.HttpContext?.User;
}
