using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using WorkflowHub.Server.Tests.Infrastructure;

namespace WorkflowHub.Server.Tests;

public sealed class AuthTests(WorkflowHubFactory factory) : IClassFixture<WorkflowHubFactory>
{
    [Theory]
    [InlineData("admin")]
    [InlineData("office")]
    [InlineData("auditor")]
    [InlineData("fire-officer")]
    [InlineData("fire-head")]
    [InlineData("emergency-officer")]
    [InlineData("district-officer")]
    [InlineData("enterprise-demo")]
    public async Task Every_demo_account_gets_a_bearer_token_that_the_api_accepts(string userName)
    {
        var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = WorkflowHubFactory.DemoPassword });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<WorkflowHubFactory.TokenResponse>();
        Assert.NotNull(token);
        Assert.Equal("Bearer", token.TokenType);
        Assert.False(string.IsNullOrEmpty(token.AccessToken));
        Assert.True(token.ExpiresIn > 0);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        var me = await client.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task Wrong_password_is_401_problem_details()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "office", password = "not-the-password" });

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unknown_user_is_401_like_a_wrong_password()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "nobody", password = WorkflowHubFactory.DemoPassword });

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        // Its own server, so the locked account does not disturb the other tests of this class.
        using var own = new WorkflowHubFactory();
        var client = own.CreateClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var wrong = await client.PostAsJsonAsync("/api/auth/token", new { userName = "fire-head", password = $"wrong-{attempt}" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var right = await client.PostAsJsonAsync("/api/auth/token", new { userName = "fire-head", password = WorkflowHubFactory.DemoPassword });

        var problem = await ProblemAssertions.AssertProblemAsync(right, HttpStatusCode.Unauthorized);
        Assert.Contains("locked", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Missing_user_name_is_400_naming_the_field()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/token", new { password = "x" });

        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("userName", out _));
    }

    [Theory]
    [InlineData("/api/campaign")]
    [InlineData("/api/me")]
    [InlineData("/api/org-units")]
    public async Task Api_without_a_token_is_401_problem_details_not_a_redirect(string path)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_forged_token_is_401()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "CfDJ8forged-token-value");

        var response = await client.GetAsync("/api/me");

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
