using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using WorkflowHub.Campaign.Audit;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Server.Infrastructure.Audit;

public static class ServerAuditExtensions
{
    public const string SignOutAction = "SignOut";

    /// <summary>
    /// Audit entries for what does not pass through Mediator on the web side: signing out of the pages (signing in is
    /// the <c>IssueToken</c> command, recorded by <see cref="AuditBehavior{TMessage,TResponse}"/>).
    /// </summary>
    public static IServiceCollection AddServerAudit(this IServiceCollection services)
    {
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
        {
            var earlier = options.Events.OnSigningOut;
            options.Events.OnSigningOut = async context =>
            {
                await earlier(context);
                var services = context.HttpContext.RequestServices;
                var user = services.GetRequiredService<ICurrentUser>();
                if (user.IsAuthenticated)
                {
                    await services.GetRequiredService<AuditTrail>()
                        .AppendAsync(user, SignOutAction, "{}", AuditOutcome.Succeeded, error: null, CancellationToken.None);
                }
            };
        });
        return services;
    }
}
