using System.Net;
using WorkflowHub.Server.Tests.Infrastructure;

namespace WorkflowHub.Server.Tests.Security;

/// <summary>The sign-in and anti-forgery cookies' attributes, and page form posts without the anti-forgery token.</summary>
[Collection(SecurityServerCollection.Name)]
public sealed class CookieAndAntiforgeryTests(SecurityServer server)
{
    [Fact]
    public async Task Over_https_the_sign_in_cookie_is_secure_http_only_and_same_site_lax()
    {
        using var browser = new BrowserSession(server.Factory, "https://localhost");

        var loginPage = await browser.Client.GetAsync("/account/login");
        var antiforgery = BrowserSession.SetCookie(loginPage, "WorkflowHub.Antiforgery");
        var signIn = await browser.SignInAsync("office");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var auth = BrowserSession.SetCookie(signIn, "WorkflowHub.Auth");
        Assert.Contains("; httponly", auth, StringComparison.Ordinal);
        Assert.Contains("; samesite=lax", auth, StringComparison.Ordinal);
        Assert.Contains("; secure", auth, StringComparison.Ordinal);
        Assert.Contains("; path=/", auth, StringComparison.Ordinal);
        Assert.Contains("; httponly", antiforgery, StringComparison.Ordinal);
        Assert.Contains("; samesite=strict", antiforgery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_plain_http_on_the_loopback_the_cookie_is_not_marked_secure_but_stays_http_only()
    {
        using var browser = new BrowserSession(server.Factory);

        var signIn = await browser.SignInAsync("office");

        var auth = BrowserSession.SetCookie(signIn, "WorkflowHub.Auth");
        Assert.Contains("; httponly", auth, StringComparison.Ordinal);
        Assert.Contains("; samesite=lax", auth, StringComparison.Ordinal);
        Assert.DoesNotContain("; secure", auth, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_posts_without_the_anti_forgery_token_are_refused()
    {
        using var stranger = new BrowserSession(server.Factory);
        var loginWithoutToken = await stranger.Client.PostAsync("/account/login", BrowserSession.Form(("userName", "office"), ("password", WorkflowHubFactory.DemoPassword)));
        Assert.Equal(HttpStatusCode.BadRequest, loginWithoutToken.StatusCode);

        using var browser = new BrowserSession(server.Factory);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("admin")).StatusCode);
        var forged = new Dictionary<string, HttpContent>
        {
            ["/account/logout"] = BrowserSession.Form(),
            ["/culture"] = BrowserSession.Form(("culture", "en"), ("returnUrl", "/")),
            [$"/tasks/{Guid.NewGuid()}?handler=claim"] = BrowserSession.Form(),
            [$"/instances/{Guid.NewGuid()}?handler=cancel"] = BrowserSession.Form(),
            [$"/instances/{Guid.NewGuid()}?handler=retry"] = BrowserSession.Form(("incidentId", Guid.NewGuid().ToString())),
        };
        foreach (var (path, form) in forged)
        {
            var response = await browser.Client.PostAsync(path, form);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {path} without a token answered {(int)response.StatusCode}.");
        }

        // Still signed in (the forged logout did nothing), and the real form with its token signs out.
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/tasks")).StatusCode);
        var token = await browser.FormTokenAsync("/tasks");
        var logout = await browser.Client.PostAsync("/account/logout", BrowserSession.Form(("__RequestVerificationToken", token)));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/tasks")).StatusCode);
    }
}
