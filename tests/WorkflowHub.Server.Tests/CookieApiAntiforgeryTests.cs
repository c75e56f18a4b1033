using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using WorkflowHub.Server.Tests.Infrastructure;
using WorkflowHub.Server.Tests.Workflows;

namespace WorkflowHub.Server.Tests;

/// <summary>An API write made with the sign-in cookie alone (as a forged cross-site request would be) is refused.</summary>
public sealed partial class CookieApiAntiforgeryTests : IClassFixture<WorkflowHubFactory>
{
    private readonly WorkflowHubFactory factory;

    public CookieApiAntiforgeryTests(WorkflowHubFactory factory) => this.factory = factory;

    [Fact]
    public async Task A_cookie_authenticated_api_write_needs_the_page_token()
    {
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var loginPage = await browser.GetStringAsync("/account/login");
        var formToken = TokenField().Match(loginPage).Groups[1].Value;
        var signIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "admin",
            ["password"] = WorkflowHubFactory.DemoPassword,
            ["__RequestVerificationToken"] = formToken,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var diagram = Diagrams.UserTask(Diagrams.NewKey("csrf"), "city-fire-rescue");
        var forged = await browser.PostAsync("/api/definitions/validate", Xml(diagram));
        var problem = await ProblemAssertions.AssertProblemAsync(forged, HttpStatusCode.BadRequest);
        Assert.Equal("Missing or invalid anti-forgery token", problem.GetProperty("title").GetString());

        var home = await browser.GetStringAsync("/");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/definitions/validate") { Content = Xml(diagram) };
        request.Headers.Add("X-CSRF-TOKEN", MetaToken().Match(home).Groups[1].Value);
        var genuine = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
    }

    private static StringContent Xml(string xml) => new(xml, System.Text.Encoding.UTF8, "application/xml");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex MetaToken();
}
