using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Domain;
using WorkflowHub.Server.Tests.Infrastructure;

namespace WorkflowHub.Server.Tests;

/// <summary>PUT /api/org-units/{code}: the one write endpoint of the foundation, so the pipeline's 400/403/409 show here.</summary>
public sealed class UpdateOrgUnitTests(WorkflowHubFactory factory) : IClassFixture<WorkflowHubFactory>
{
    private Task<OrgUnit> StoredAsync(string code) =>
        factory.WithDbAsync(db => db.OrgUnits.AsNoTracking().SingleAsync(u => u.Code == code));

    [Theory]
    [InlineData("fire-officer")]
    [InlineData("office")]
    [InlineData("auditor")]
    [InlineData("enterprise-demo")]
    public async Task A_role_that_may_not_edit_gets_403_and_nothing_changes(string userName)
    {
        var before = await StoredAsync("city-fire-rescue");
        var client = await factory.CreateClientForAsync(userName);

        var response = await client.PutAsJsonAsync("/api/org-units/city-fire-rescue", new { nameZh = "改名", nameEn = "Renamed", version = before.Version });

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        var after = await StoredAsync("city-fire-rescue");
        Assert.Equal(before.NameZh, after.NameZh);
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task Without_a_token_it_is_401()
    {
        var response = await factory.CreateClient().PutAsJsonAsync("/api/org-units/city-emergency", new { nameZh = "x", nameEn = "x", version = 1 });

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Empty_name_is_400_naming_the_field_and_stores_nothing()
    {
        var before = await StoredAsync("city-emergency");
        var client = await factory.CreateClientForAsync("admin");

        var response = await client.PutAsJsonAsync("/api/org-units/city-emergency", new { nameZh = "", nameEn = "Emergency Bureau (renamed)", version = before.Version });

        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("nameZh", out var messages));
        Assert.NotEmpty(messages.EnumerateArray());
        Assert.False(errors.TryGetProperty("nameEn", out _));
        var after = await StoredAsync("city-emergency");
        Assert.Equal(before.NameZh, after.NameZh);
        Assert.Equal(before.NameEn, after.NameEn);
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task Too_long_english_name_is_400_naming_the_field()
    {
        var before = await StoredAsync("city-emergency");
        var client = await factory.CreateClientForAsync("admin");

        var response = await client.PutAsJsonAsync("/api/org-units/city-emergency", new { nameZh = "市应急管理局", nameEn = new string('x', 201), version = before.Version });

        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("nameEn", out _));
    }

    [Fact]
    public async Task Admin_renames_and_the_version_moves_on_then_the_old_version_is_409()
    {
        var before = await StoredAsync("enterprise-demo-chem");
        var client = await factory.CreateClientForAsync("admin");

        var renamed = await client.PutAsJsonAsync("/api/org-units/enterprise-demo-chem", new { nameZh = "华安精细化工股份有限公司", nameEn = "Hua'an Fine Chemicals plc", version = before.Version });

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var body = await renamed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(before.Version + 1, body.GetProperty("version").GetInt64());
        var stored = await StoredAsync("enterprise-demo-chem");
        Assert.Equal("华安精细化工股份有限公司", stored.NameZh);
        Assert.Equal(before.Version + 1, stored.Version);

        var stale = await client.PutAsJsonAsync("/api/org-units/enterprise-demo-chem", new { nameZh = "旧名", nameEn = "Old name", version = before.Version });

        await ProblemAssertions.AssertProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal("华安精细化工股份有限公司", (await StoredAsync("enterprise-demo-chem")).NameZh);
    }

    [Fact]
    public async Task Unknown_code_is_404()
    {
        var client = await factory.CreateClientForAsync("admin");

        var response = await client.PutAsJsonAsync("/api/org-units/no-such-unit", new { nameZh = "某单位", nameEn = "Some unit", version = 1 });

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Malformed_json_is_400_problem_details()
    {
        var client = await factory.CreateClientForAsync("admin");
        using var content = new StringContent("{ \"nameZh\": ", System.Text.Encoding.UTF8, "application/json");

        var response = await client.PutAsync("/api/org-units/city-emergency", content);

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_body_over_the_api_limit_is_413()
    {
        var client = await factory.CreateClientForAsync("admin");
        var huge = JsonSerializer.Serialize(new { nameZh = new string('x', 2 * 1024 * 1024), nameEn = "x", version = 1 });
        using var content = new StringContent(huge, System.Text.Encoding.UTF8, "application/json");

        var response = await client.PutAsync("/api/org-units/city-emergency", content);

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }
}
