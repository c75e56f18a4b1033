using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static WorkflowHub.Server.Tests.Hazards.HazardApi;

namespace WorkflowHub.Server.Tests.Hazards;

/// <summary>Progress reports on quantified targets with expected-by-now and status, and the measures list's CRUD.</summary>
public sealed class TargetsAndMeasuresTests(HazardServer server) : IClassFixture<HazardServer>
{
    private const string HighRiseSurvey = "fire-high-rise-survey-2020";

    [Fact]
    public async Task A_target_is_on_track_when_its_report_beats_the_expected_value_and_missed_after_the_deadline()
    {
        var fire = await server.ClientForAsync("fire-officer");
        var before = await TargetAsync(fire, HighRiseSurvey);
        Assert.Equal("Behind", before.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("reached").ValueKind);
        // 2020-06-01 to 2020-12-31 is 213 days; 44 of them have passed on 15 July: 100 × 44 / 213.
        Assert.Equal(20.66m, before.GetProperty("expectedByNow").GetDecimal());

        var report = await fire.PostAsJsonAsync($"/api/targets/{HighRiseSurvey}/reports", new { value = 50, asOf = "2020-07-15", evidenceNote = "已排查高层建筑 50%" });
        Assert.Equal(HttpStatusCode.Created, report.StatusCode);
        var after = await TargetAsync(fire, HighRiseSurvey);
        Assert.Equal("OnTrack", after.GetProperty("status").GetString());
        Assert.Equal(50m, after.GetProperty("reached").GetDecimal());
        Assert.Single(after.GetProperty("reports").EnumerateArray());

        var emergency = await server.ClientForAsync("emergency-officer");
        var refused = await emergency.PostAsJsonAsync($"/api/targets/{HighRiseSurvey}/reports", new { value = 90, asOf = "2020-07-15" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        server.Clock.Advance(TimeSpan.FromDays(175));
        var late = await TargetAsync(await server.ClientForAsync("fire-officer"), HighRiseSurvey);
        Assert.Equal("Missed", late.GetProperty("status").GetString());
        Assert.Equal(100m, late.GetProperty("expectedByNow").GetDecimal());
    }

    [Fact]
    public async Task A_measure_is_created_edited_with_its_version_and_deleted_by_its_unit_only()
    {
        var fire = await server.ClientForAsync("fire-officer");
        var created = await fire.PostAsJsonAsync("/api/measures", new
        {
            title = "建立电动自行车集中充电管理制度",
            content = "在住宅小区推广建设电动自行车集中停放充电场所，制定管理规定。",
            areaCode = FireArea,
            timetable = "2021-06-30",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var measure = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = measure.GetProperty("id").GetString();
        Assert.Equal("city-fire-rescue", measure.GetProperty("responsibleUnitCode").GetString());
        Assert.StartsWith("ZC", measure.GetProperty("number").GetString(), StringComparison.Ordinal);
        Assert.Equal("Planned", measure.GetProperty("state").GetString());

        var edit = new
        {
            title = "建立电动自行车集中充电管理制度",
            content = "在住宅小区推广建设电动自行车集中停放充电场所，制定管理规定。",
            areaCode = FireArea,
            timetable = "2021-06-30",
            state = "Done",
            version = measure.GetProperty("version").GetInt64(),
        };
        var emergency = await server.ClientForAsync("emergency-officer");
        Assert.Equal(HttpStatusCode.Forbidden, (await emergency.PutAsJsonAsync($"/api/measures/{id}", edit)).StatusCode);
        var updated = await fire.PutAsJsonAsync($"/api/measures/{id}", edit);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var done = await updated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Done", done.GetProperty("state").GetString());
        Assert.NotEqual(JsonValueKind.Null, done.GetProperty("completedAt").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, (await fire.PutAsJsonAsync($"/api/measures/{id}", edit)).StatusCode);

        var listed = await fire.GetFromJsonAsync<JsonElement>($"/api/measures?area={FireArea}&state=Done");
        Assert.Contains(listed.EnumerateArray(), m => m.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.Forbidden, (await emergency.DeleteAsync($"/api/measures/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await fire.DeleteAsync($"/api/measures/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fire.GetAsync($"/api/measures/{id}")).StatusCode);
    }

    [Fact]
    public async Task An_enterprise_may_not_add_measures()
    {
        var enterprise = await server.ClientForAsync("enterprise-demo");
        var response = await enterprise.PostAsJsonAsync("/api/measures", new { title = "x", content = "y", areaCode = FireArea, timetable = "2021-01-01" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<JsonElement> TargetAsync(HttpClient client, string code)
    {
        var targets = await client.GetFromJsonAsync<JsonElement>($"/api/targets?area={FireArea}");
        return targets.EnumerateArray().Single(t => t.GetProperty("code").GetString() == code);
    }
}
