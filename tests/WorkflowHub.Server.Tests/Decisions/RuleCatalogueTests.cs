using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WorkflowHub.Server.Tests.Infrastructure;

namespace WorkflowHub.Server.Tests.Decisions;

/// <summary>GET /api/rules: the catalogue of every rule, as an auditor reads it.</summary>
public sealed class RuleCatalogueTests(DecisionsServer server) : IClassFixture<DecisionsServer>
{
    [Fact]
    public async Task The_catalogue_lists_the_14_rules_with_descriptions_tags_and_policy_keys()
    {
        var client = await server.ClientForAsync("auditor");

        var catalogue = await client.GetFromJsonAsync<JsonElement>("/api/rules");

        Assert.False(string.IsNullOrWhiteSpace(catalogue.GetProperty("ruleSetVersion").GetString()));
        var rules = catalogue.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(14, rules.Count);
        Assert.Equal(14, rules.Select(r => r.GetProperty("name").GetString()).Distinct().Count());
        Assert.All(rules, rule =>
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("descriptionZh").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("descriptionEn").GetString()));
            Assert.NotEmpty(rule.GetProperty("tags").EnumerateArray());
        });
        var supervision = rules.Single(r => r.GetProperty("name").GetString() == "GeneralHazard.SupervisionNotice");
        Assert.Contains("generalHazard.supervisionAfterDaysOverdue", supervision.GetProperty("policyKeys").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public async Task The_catalogue_needs_a_signed_in_user()
    {
        var response = await server.Factory.CreateClient().GetAsync("/api/rules");

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
