using System.Security.Claims;

namespace WorkflowHub.Campaign.Infrastructure.Pipeline;

/// <summary>Where the host finds the principal of the current request (the server reads it from HttpContext).</summary>
public interface IPrincipalAccessor
{
    ClaimsPrincipal? Principal { get; }
}
