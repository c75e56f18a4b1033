using System.Net.Http.Json;
using System.Text.Json;
using WorkflowHub.Server.Tests.Infrastructure;

namespace WorkflowHub.Server.Tests;

public sealed class MeTests(WorkflowHubFactory factory) : IClassFixture<WorkflowHubFactory>
{
    [Theory]
    [InlineData("admin", "Admin", "city-safety-office", "CommitteeOffice", true)]
    [InlineData("auditor", "Auditor", "city-safety-office", "CommitteeOffice", true)]
    [InlineData("fire-officer", "DepartmentOfficer", "city-fire-rescue", "Department", false)]
    [InlineData("fire-head", "DepartmentHead", "city-fire-rescue", "Department", false)]
    [InlineData("emergency-officer", "DepartmentOfficer", "city-emergency", "Department", false)]
    [InlineData("enterprise-demo", "Enterprise", "enterprise-demo-chem", "Enterprise", false)]
    public async Task Me_shows_the_role_and_org_unit(string userName, string role, string orgUnit, string kind, bool seesAll)
    {
        var client = await factory.CreateClientForAsync(userName);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(userName, me.GetProperty("userName").GetString());
        Assert.Equal([role], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(orgUnit, me.GetProperty("orgUnit").GetProperty("code").GetString());
        Assert.Equal(kind, me.GetProperty("orgUnit").GetProperty("kind").GetString());
        Assert.Equal(seesAll, me.GetProperty("seesAllUnits").GetBoolean());
    }

    [Fact]
    public async Task District_officer_belongs_to_a_district_and_the_demo_enterprise_lies_in_it()
    {
        var district = await (await factory.CreateClientForAsync("district-officer")).GetFromJsonAsync<JsonElement>("/api/me");
        var units = await (await factory.CreateClientForAsync("office")).GetFromJsonAsync<JsonElement>("/api/org-units");

        var districtCode = district.GetProperty("orgUnit").GetProperty("code").GetString();
        Assert.StartsWith("district-", districtCode, StringComparison.Ordinal);
        Assert.Equal("District", district.GetProperty("orgUnit").GetProperty("kind").GetString());
        var enterprise = units.EnumerateArray().Single(u => u.GetProperty("code").GetString() == "enterprise-demo-chem");
        Assert.Equal(districtCode, enterprise.GetProperty("parentCode").GetString());
    }
}
