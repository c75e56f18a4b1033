using System.Net.Http.Json;
using System.Text.Json;
using WorkflowHub.Server.Tests.Infrastructure;

namespace WorkflowHub.Server.Tests;

public sealed class CampaignTests(WorkflowHubFactory factory) : IClassFixture<WorkflowHubFactory>
{
    [Fact]
    public async Task Campaign_has_four_phases_and_eighteen_areas_with_units_tasks_and_targets()
    {
        var client = await factory.CreateClientForAsync("district-officer");

        var campaign = await client.GetFromJsonAsync<JsonElement>("/api/campaign");

        Assert.False(string.IsNullOrEmpty(campaign.GetProperty("nameZh").GetString()));
        var phases = campaign.GetProperty("phases").EnumerateArray().ToList();
        Assert.Equal(4, phases.Count);
        Assert.Equal([1, 2, 3, 4], phases.Select(p => p.GetProperty("order").GetInt32()));

        var areas = campaign.GetProperty("areas").EnumerateArray().ToList();
        Assert.Equal(18, areas.Count);
        Assert.Equal(2, areas.Count(a => a.GetProperty("kind").GetString() == "Topic"));
        Assert.Equal(16, areas.Count(a => a.GetProperty("kind").GetString() == "Sector"));
        Assert.All(areas, area =>
        {
            Assert.Contains(area.GetProperty("units").EnumerateArray(), u => u.GetProperty("role").GetString() == "Lead");
            Assert.NotEmpty(area.GetProperty("tasks").EnumerateArray());
        });
        Assert.Contains(areas, area => area.GetProperty("targets").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Org_units_list_the_fixed_codes_with_kinds_as_names()
    {
        var client = await factory.CreateClientForAsync("fire-officer");

        var units = (await client.GetFromJsonAsync<JsonElement>("/api/org-units")).EnumerateArray().ToList();

        string? KindOf(string code) => units.Single(u => u.GetProperty("code").GetString() == code).GetProperty("kind").GetString();
        Assert.Equal("CommitteeOffice", KindOf("city-safety-office"));
        Assert.Equal("Department", KindOf("city-emergency"));
        Assert.Equal("Department", KindOf("city-fire-rescue"));
        Assert.Equal("Enterprise", KindOf("enterprise-demo-chem"));
        Assert.Contains(units, u => u.GetProperty("code").GetString()!.StartsWith("district-", StringComparison.Ordinal));
        Assert.All(units, u => Assert.True(u.GetProperty("version").GetInt64() >= 1));
    }
}
