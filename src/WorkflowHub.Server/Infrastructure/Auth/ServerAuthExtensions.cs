using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Server.Infrastructure.Auth;

public static class ServerAuthExtensions
{
    /// <summary>
    /// Cookie sign-in for pages, Identity's bearer tokens for the API, and a fallback policy that requires a
    /// signed-in user on every endpoint that does not explicitly allow anonymous access.
    /// </summary>
    public static IServiceCollection AddServerAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddOptions<SignInRateLimitOptions>().Bind(configuration.GetSection(SignInRateLimitOptions.SectionName));
        services.AddSingleton<SignInRateLimiter>();
        services.Replace(ServiceDescriptor.Scoped<IPrincipalAccessor, HttpContextPrincipalAccessor>());

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = AuthSchemes.CookieOrBearer;
                options.DefaultChallengeScheme = AuthSchemes.CookieOrBearer;
                options.DefaultForbidScheme = AuthSchemes.CookieOrBearer;
            })
            .AddPolicyScheme(AuthSchemes.CookieOrBearer, "Cookie or bearer token", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = TimeSpan.FromHours(8))
            .AddCookie(IdentityConstants.ApplicationScheme, options =>
            {
                options.Cookie.Name = "WorkflowHub.Auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/account/login";
                options.AccessDeniedPath = "/account/access-denied";
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.Events = new CookieAuthenticationEvents
                {
                    // An API caller gets a status code (turned into problem details), never a redirect to a page.
                    OnRedirectToLogin = context => StatusOrRedirect(context, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = context => StatusOrRedirect(context, StatusCodes.Status403Forbidden),
                };
            });

        // Identity's configuration has set the DataProtection protector by now; it stays the one that decides.
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme)
            .PostConfigure<TimeProvider>((options, time) => options.BearerTokenProtector = new CachingTicketProtector(options.BearerTokenProtector, time));

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }

    private static Task StatusOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int statusCode)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi"))
        {
            context.Response.StatusCode = statusCode;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
