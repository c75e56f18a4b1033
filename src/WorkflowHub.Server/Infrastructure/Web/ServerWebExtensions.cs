using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace WorkflowHub.Server.Infrastructure.Web;

public static class ServerWebExtensions
{
    /// <summary>
    /// Razor Pages in Chinese (zh-CN, the default) or English, chosen by the culture cookie; anti-forgery tokens for
    /// page forms and for the TypeScript islands, which send them in the <c>X-CSRF-TOKEN</c> header.
    /// The cookie scheme itself (login path, 401 for the API) is configured by <c>AddServerAuth</c>.
    /// </summary>
    public static IServiceCollection AddServerWeb(this IServiceCollection services)
    {
        services.AddLocalization();
        // Chinese text stays readable in the HTML instead of becoming numeric character references.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(options =>
            {
                options.Conventions.AllowAnonymousToPage("/Account/Login");
                options.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
                options.Conventions.AllowAnonymousToPage("/Culture");
            })
            .AddViewLocalization();
        services.AddAntiforgery(options =>
        {
            options.HeaderName = UiCultures.CsrfHeaderName;
            options.Cookie.Name = "WorkflowHub.Antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = UiCultures.Supported.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture(UiCultures.Default);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // Only the user's explicit choice counts: the browser's Accept-Language must not override the Chinese default.
            options.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = UiCultures.CookieName }];
        });
        return services;
    }

    /// <summary>
    /// The culture of each request, anti-forgery checks on cookie-authenticated API writes, the static files under
    /// wwwroot (for everyone, also before sign-in) and the pages.
    /// </summary>
    public static WebApplication UseServerWeb(this WebApplication app)
    {
        app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
        app.UseMiddleware<CookieApiAntiforgeryMiddleware>();
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages();
        return app;
    }
}
