using System.Net;
using System.Net.Http.Json;
using WorkflowHub.Server.Tests.Infrastructure;

namespace WorkflowHub.Server.Tests.Security;

/// <summary>Password guessing is limited per client and user name (<c>SignInRateLimit</c>, 10 a minute here as in production).</summary>
[Collection(SecurityServerCollection.Name)]
public sealed class SignInRateLimitTests(SecurityServer server)
{
    [Fact]
    public async Task The_eleventh_token_attempt_for_one_user_name_is_429_and_another_user_still_signs_in()
    {
        var client = server.AnonymousClient();
        var userName = $"guess-{Guid.NewGuid():N}";

        for (var attempt = 1; attempt <= SecurityServer.SignInPermitLimit; attempt++)
        {
            var wrong = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = $"guess-{attempt}" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var eleventh = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = "guess-11" });
        var problem = await ProblemAssertions.AssertProblemAsync(eleventh, (HttpStatusCode)429);
        Assert.Equal("Too many sign-in attempts.", problem.GetProperty("title").GetString());
        Assert.Equal("60", eleventh.Headers.GetValues("Retry-After").Single());
        // The same name with other letter case or spaces is the same partition.
        Assert.Equal((HttpStatusCode)429, (await client.PostAsJsonAsync("/api/auth/token", new { userName = $" {userName.ToUpperInvariant()} ", password = "x" })).StatusCode);

        var other = await client.PostAsJsonAsync("/api/auth/token", new { userName = "office", password = WorkflowHubFactory.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task The_login_page_shares_the_limit_and_answers_429_with_a_message()
    {
        using var browser = new BrowserSession(server.Factory);
        var userName = $"page-guess-{Guid.NewGuid():N}";

        for (var attempt = 1; attempt <= SecurityServer.SignInPermitLimit; attempt++)
        {
            var wrong = await browser.SignInAsync(userName, $"guess-{attempt}");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("data-testid=\"login-error\"", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var eleventh = await browser.SignInAsync(userName, "guess-11");
        Assert.Equal((HttpStatusCode)429, eleventh.StatusCode);
        Assert.Contains("尝试登录次数过多", await eleventh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var viaApi = await server.AnonymousClient().PostAsJsonAsync("/api/auth/token", new { userName, password = "guess-12" });
        Assert.Equal((HttpStatusCode)429, viaApi.StatusCode);

        using var colleague = new BrowserSession(server.Factory);
        var signIn = await colleague.SignInAsync("auditor");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }
}
