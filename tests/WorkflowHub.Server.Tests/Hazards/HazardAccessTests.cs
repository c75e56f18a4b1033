using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static WorkflowHub.Server.Tests.Hazards.HazardApi;

namespace WorkflowHub.Server.Tests.Hazards;

/// <summary>Who sees and who may report which hazards, and whose tasks they are.</summary>
public sealed class HazardAccessTests(HazardServer server) : IClassFixture<HazardServer>
{
    [Fact]
    public async Task A_department_sees_only_its_own_hazards_and_tasks()
    {
        var office = await server.ClientForAsync("office");
        var fireHazard = await ReportAsync(office, "商场疏散通道堵塞", FireArea);
        var chemicalHazard = await ReportAsync(office, "危化品混存混放", ChemicalsArea);
        var fire = await server.ClientForAsync("fire-officer");
        var emergency = await server.ClientForAsync("emergency-officer");

        var fireList = await ListAsync(fire, "");
        Assert.Contains(fireList, h => h.GetProperty("number").GetString() == fireHazard.GetProperty("number").GetString());
        Assert.All(fireList, h => Assert.Equal("city-fire-rescue", h.GetProperty("responsibleUnitCode").GetString()));
        var emergencyList = await ListAsync(emergency, "");
        Assert.Contains(emergencyList, h => h.GetProperty("number").GetString() == chemicalHazard.GetProperty("number").GetString());
        Assert.All(emergencyList, h => Assert.Equal("city-emergency", h.GetProperty("responsibleUnitCode").GetString()));

        // Another department's hazard is not found, its task not offered, and completing it is refused.
        Assert.Equal(HttpStatusCode.NotFound, (await emergency.GetAsync($"/api/hazards/{fireHazard.GetProperty("id").GetString()}")).StatusCode);
        var fireNumber = fireHazard.GetProperty("number").GetString()!;
        Assert.Empty(await MyTasksAsync(emergency, fireNumber));
        var fireTask = Assert.Single(await MyTasksAsync(fire, fireNumber));
        var refused = await emergency.PostAsJsonAsync($"/api/tasks/{fireTask.GetProperty("id").GetGuid()}/complete", new { variables = Grading("general") });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Grading", State(await GetFileAsync(fire, fireHazard.GetProperty("id").GetString()!)));

        // The committee office and auditors see everything.
        var auditorList = await ListAsync(await server.ClientForAsync("auditor"), "");
        Assert.Contains(auditorList, h => h.GetProperty("areaCode").GetString() == FireArea);
        Assert.Contains(auditorList, h => h.GetProperty("areaCode").GetString() == ChemicalsArea);
    }

    [Fact]
    public async Task An_enterprise_reports_for_itself_and_sees_only_its_own_hazards()
    {
        var enterprise = await server.ClientForAsync("enterprise-demo");
        var own = await ReportAsync(enterprise, "车间灭火器过期", FireArea, enterprise: null, source: "SelfInspection");
        var office = await server.ClientForAsync("office");
        await ReportAsync(office, "其他单位隐患", FireArea, enterprise: null);

        var file = await GetFileAsync(enterprise, own.GetProperty("id").GetString()!);
        Assert.Equal(DemoEnterprise, file.GetProperty("hazard").GetProperty("enterpriseUnitCode").GetString());
        Assert.Equal("SelfInspection", file.GetProperty("hazard").GetProperty("source").GetString());
        var list = await ListAsync(enterprise, "");
        Assert.NotEmpty(list);
        Assert.All(list, h => Assert.Equal(DemoEnterprise, h.GetProperty("enterpriseUnitCode").GetString()));
    }

    [Fact]
    public async Task Reporting_outside_ones_own_district_or_areas_is_forbidden()
    {
        var district = await server.ClientForAsync("district-officer");
        var otherDistrict = await district.PostAsJsonAsync("/api/hazards", Body(FireArea, "district-daoli"));
        Assert.Equal(HttpStatusCode.Forbidden, otherDistrict.StatusCode);
        var ownDistrict = await district.PostAsJsonAsync("/api/hazards", Body(FireArea, DemoDistrict));
        Assert.Equal(HttpStatusCode.Created, ownDistrict.StatusCode);

        var fire = await server.ClientForAsync("fire-officer");
        var notItsArea = await fire.PostAsJsonAsync("/api/hazards", Body("coal-mines", DemoDistrict));
        Assert.Equal(HttpStatusCode.Forbidden, notItsArea.StatusCode);

        var auditor = await server.ClientForAsync("auditor");
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync("/api/hazards", Body(FireArea, DemoDistrict))).StatusCode);
    }

    [Fact]
    public async Task A_report_naming_an_unknown_area_is_400_naming_the_field()
    {
        var office = await server.ClientForAsync("office");
        var response = await office.PostAsJsonAsync("/api/hazards", Body("no-such-area", DemoDistrict));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("areaCode", out _));
    }

    [Fact]
    public async Task The_list_filters_by_state_grade_source_and_pages()
    {
        var office = await server.ClientForAsync("office");
        await ReportAsync(office, "举报：楼道堆放杂物", FireArea, enterprise: null, source: "PublicReport");
        await ReportAsync(office, "举报：电动车楼内充电", FireArea, enterprise: null, source: "PublicReport");

        var reports = await ListAsync(office, "source=PublicReport&state=Grading&grade=Ungraded");
        Assert.True(reports.Count >= 2);
        Assert.All(reports, h => Assert.Equal("PublicReport", h.GetProperty("source").GetString()));
        var page = await (await office.GetAsync("/api/hazards?source=PublicReport&pageSize=1&page=2")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.True(page.GetProperty("totalCount").GetInt32() >= 2);
        Assert.Empty(await ListAsync(office, "overdue=true&source=PublicReport"));
    }

    private static object Body(string areaCode, string districtCode) => new
    {
        title = "燃气管道锈蚀",
        description = "燃气管道锈蚀严重，未设置可燃气体报警装置。",
        areaCode,
        districtCode,
        source = "Inspection",
        foundAt = HazardServer.Start.AddDays(-2),
    };

    private static async Task<IReadOnlyList<JsonElement>> ListAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/hazards?pageSize=500&{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
    }
}
