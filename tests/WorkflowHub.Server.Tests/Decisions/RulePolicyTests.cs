using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Decisions;
using WorkflowHub.Rules.Policy;
using WorkflowHub.Server.Tests.Infrastructure;

namespace WorkflowHub.Server.Tests.Decisions;

/// <summary>GET/PUT /api/rules/policy: version 1 seeded from rules/policy.json, bad documents refused by field, good ones versioned.</summary>
public sealed class RulePolicyTests(DecisionsServer server) : IClassFixture<DecisionsServer>
{
    private Task<int> VersionCountAsync() => server.WithDbAsync(db => db.Set<PolicyVersionRecord>().CountAsync());

    private static async Task<JsonObject> CurrentDocumentAsync(HttpClient client)
    {
        var current = await client.GetFromJsonAsync<JsonElement>("/api/rules/policy");
        return JsonNode.Parse(current.GetProperty("policy").GetRawText())!.AsObject();
    }

    [Fact]
    public async Task Version_1_is_the_shipped_policy_and_is_in_force()
    {
        var client = await server.ClientForAsync("fire-officer");

        var current = await client.GetFromJsonAsync<JsonElement>("/api/rules/policy");

        Assert.True(current.GetProperty("number").GetInt32() >= 1);
        var versions = await client.GetFromJsonAsync<JsonElement>("/api/rules/policy/versions");
        var first = versions.EnumerateArray().Single(v => v.GetProperty("number").GetInt32() == 1);
        Assert.Equal(RulePolicy.LoadDefault().Version.ContentHash, first.GetProperty("contentHash").GetString());
        Assert.Equal("system", first.GetProperty("createdBy").GetString());
    }

    [Fact]
    public async Task A_negative_threshold_is_400_naming_the_field_and_stores_nothing()
    {
        var admin = await server.ClientForAsync("admin");
        var document = await CurrentDocumentAsync(admin);
        document["generalHazard"]!["reminderAfterDaysOverdue"] = -3;
        var before = await VersionCountAsync();

        var response = await admin.PutAsJsonAsync("/api/rules/policy", new { policy = document, comment = "negative" });

        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("policy.generalHazard.reminderAfterDaysOverdue", out var messages), errors.GetRawText());
        Assert.Contains("generalHazard.reminderAfterDaysOverdue", messages[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await VersionCountAsync());
    }

    [Fact]
    public async Task A_missing_key_is_400_naming_it_and_stores_nothing()
    {
        var admin = await server.ClientForAsync("admin");
        var document = await CurrentDocumentAsync(admin);
        document["department"]!.AsObject().Remove("interviewWindowDays");
        var before = await VersionCountAsync();

        var response = await admin.PutAsJsonAsync("/api/rules/policy", new { policy = document, comment = "missing" });

        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("policy.department.interviewWindowDays", out _), problem.GetRawText());
        Assert.Equal(before, await VersionCountAsync());
    }

    [Fact]
    public async Task A_department_officer_may_not_change_the_policy()
    {
        var officer = await server.ClientForAsync("fire-officer");
        var document = await CurrentDocumentAsync(officer);
        var before = await VersionCountAsync();

        var response = await officer.PutAsJsonAsync("/api/rules/policy", new { policy = document, comment = "not mine" });

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(before, await VersionCountAsync());
    }

    [Fact]
    public async Task A_good_policy_becomes_the_next_version_in_force_and_decisions_use_it()
    {
        var admin = await server.ClientForAsync("admin");
        var before = await admin.GetFromJsonAsync<JsonElement>("/api/rules/policy");
        var document = JsonNode.Parse(before.GetProperty("policy").GetRawText())!.AsObject();
        document["generalHazard"]!["supervisionAfterDaysOverdue"] = 5;

        var response = await admin.PutAsJsonAsync("/api/rules/policy", new { policy = document, comment = "督办提前到逾期5天" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(saved.GetProperty("created").GetBoolean());
        Assert.Equal(new[] { "generalHazard.supervisionAfterDaysOverdue" }, saved.GetProperty("changedKeys").EnumerateArray().Select(k => k.GetString()));
        var number = saved.GetProperty("current").GetProperty("number").GetInt32();
        Assert.Equal(before.GetProperty("number").GetInt32() + 1, number);

        var current = await admin.GetFromJsonAsync<JsonElement>("/api/rules/policy");
        Assert.Equal(number, current.GetProperty("number").GetInt32());
        Assert.Equal(5, current.GetProperty("policy").GetProperty("generalHazard").GetProperty("supervisionAfterDaysOverdue").GetInt32());
        Assert.Equal("admin", current.GetProperty("createdBy").GetString());
        Assert.Equal("督办提前到逾期5天", current.GetProperty("comment").GetString());
        var versions = await admin.GetFromJsonAsync<JsonElement>("/api/rules/policy/versions");
        Assert.Equal(number, versions.GetArrayLength());

        // Saving the same values again makes no version.
        var unchanged = await admin.PutAsJsonAsync("/api/rules/policy", new { policy = document, comment = "again" });
        Assert.False((await unchanged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetBoolean());
        Assert.Equal(number, await VersionCountAsync());

        // The next decision is taken under the new version.
        var hazard = await server.SeedOverdueHazardAsync("YH2020990101", "city-emergency", overdueDays: 2);
        await DecisionApi.SweepAsync(server);
        var decision = await server.WithDbAsync(db => db.Set<DecisionRecord>().AsNoTracking().SingleAsync(d => d.SubjectId == hazard.Id.ToString()));
        Assert.Equal(number, decision.PolicyVersionNumber);
    }
}
