using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WorkflowHub.Server.Tests.Infrastructure;

namespace WorkflowHub.Server.Tests.Workflows;

[Collection(WorkflowServerCollection.Name)]
public sealed class DefinitionApiTests(WorkflowServer server)
{
    private static readonly string[] CampaignWorkflows =
        ["accountability-referral", "campaign", "hazard-rectification", "interview", "plan-filing", "target-progress"];

    [Fact]
    public async Task The_six_campaign_workflows_are_deployed_at_startup()
    {
        var client = await server.ClientForAsync("fire-officer");

        var list = await WorkflowApi.GetJsonAsync(client, "/api/definitions");

        var keys = list.EnumerateArray().Select(d => d.GetProperty("key").GetString()).ToHashSet();
        Assert.Superset(CampaignWorkflows.ToHashSet(), keys!);
        var hazard = list.EnumerateArray().Single(d => d.GetProperty("key").GetString() == "hazard-rectification");
        Assert.True(hazard.GetProperty("latestVersion").GetInt32() >= 1);
    }

    [Fact]
    public async Task A_valid_diagram_deploys_as_version_1_and_the_same_xml_again_is_the_same_version()
    {
        var admin = await server.ClientForAsync("admin");
        var key = Diagrams.NewKey("deploy");
        var xml = Diagrams.UserTask(key);

        var first = await WorkflowApi.DeployAsync(admin, xml);
        var again = await WorkflowApi.DeployAsync(admin, xml);

        Assert.Equal(key, first.GetProperty("key").GetString());
        Assert.Equal(1, first.GetProperty("version").GetInt32());
        Assert.True(first.GetProperty("isNewVersion").GetBoolean());
        Assert.Equal(first.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        Assert.Equal(1, again.GetProperty("version").GetInt32());
        Assert.False(again.GetProperty("isNewVersion").GetBoolean());

        var changed = await WorkflowApi.DeployAsync(admin, xml.Replace("定级审核", "复核", StringComparison.Ordinal));
        Assert.Equal(2, changed.GetProperty("version").GetInt32());
        var versions = await WorkflowApi.GetJsonAsync(admin, $"/api/definitions/{key}/versions");
        Assert.Equal([2, 1], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.All(versions.EnumerateArray(), v => Assert.Equal("admin", v.GetProperty("deployedBy").GetString()));
    }

    [Fact]
    public async Task The_xml_endpoint_returns_exactly_the_deployed_bytes_per_version()
    {
        var admin = await server.ClientForAsync("admin");
        var key = Diagrams.NewKey("bytes");
        var v1 = Diagrams.UserTask(key) + "\n<!-- 第一版 -->";
        var v2 = Diagrams.UserTask(key) + "\r\n<!-- 第二版 -->\r\n";
        await WorkflowApi.DeployAsync(admin, v1);
        await WorkflowApi.DeployAsync(admin, v2);

        var latest = await admin.GetAsync($"/api/definitions/{key}/xml");
        var first = await admin.GetAsync($"/api/definitions/{key}/xml?version=1");

        Assert.Equal("application/xml", latest.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Encoding.UTF8.GetBytes(v2), await latest.Content.ReadAsByteArrayAsync());
        Assert.Equal(Encoding.UTF8.GetBytes(v1), await first.Content.ReadAsByteArrayAsync());
        await ProblemAssertions.AssertProblemAsync(await admin.GetAsync($"/api/definitions/{key}/xml?version=3"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_broken_diagram_is_400_naming_the_element_and_nothing_is_stored()
    {
        var admin = await server.ClientForAsync("admin");
        var key = Diagrams.NewKey("broken");
        var before = (await WorkflowApi.GetJsonAsync(admin, "/api/definitions")).GetArrayLength();

        using var content = Diagrams.Xml(Diagrams.Unsupported(key));
        var response = await admin.PostAsync("/api/definitions", content);

        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("elementId").GetString() == "mysteryGateway" && e.GetProperty("message").GetString()!.Length > 0);
        Assert.Equal(before, (await WorkflowApi.GetJsonAsync(admin, "/api/definitions")).GetArrayLength());
        await ProblemAssertions.AssertProblemAsync(await admin.GetAsync($"/api/definitions/{key}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Validate_reports_errors_without_storing_and_a_valid_diagram_has_none()
    {
        var admin = await server.ClientForAsync("admin");
        var key = Diagrams.NewKey("validate");

        using var broken = Diagrams.Xml(Diagrams.Unsupported(key), "text/xml");
        var report = await admin.PostAsync("/api/definitions/validate", broken);
        using var valid = Diagrams.Xml(Diagrams.UserTask(key));
        var clean = await (await admin.PostAsync("/api/definitions/validate", valid)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var body = await report.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(body.GetProperty("errors").EnumerateArray(), e => e.GetProperty("elementId").GetString() == "mysteryGateway");
        Assert.Empty(clean.GetProperty("errors").EnumerateArray());
        await ProblemAssertions.AssertProblemAsync(await admin.GetAsync($"/api/definitions/{key}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Hostile_xml_with_an_external_entity_is_400_and_nothing_is_stored()
    {
        var admin = await server.ClientForAsync("admin");
        var key = Diagrams.NewKey("xxe");

        using var content = Diagrams.Xml(Diagrams.ExternalEntity(key));
        var response = await admin.PostAsync("/api/definitions", content);

        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.DoesNotContain("root:", problem.ToString(), StringComparison.Ordinal);
        await ProblemAssertions.AssertProblemAsync(await admin.GetAsync($"/api/definitions/{key}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deploying_needs_the_admin_role_and_an_xml_content_type()
    {
        var office = await server.ClientForAsync("office");
        var admin = await server.ClientForAsync("admin");
        var xml = Diagrams.UserTask(Diagrams.NewKey("roles"));

        using var asOffice = Diagrams.Xml(xml);
        await ProblemAssertions.AssertProblemAsync(await office.PostAsync("/api/definitions", asOffice), HttpStatusCode.Forbidden);
        using var asJson = new StringContent(xml, Encoding.UTF8, "application/json");
        await ProblemAssertions.AssertProblemAsync(await admin.PostAsync("/api/definitions", asJson), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_draft_is_saved_reopened_and_a_stale_save_is_409()
    {
        var admin = await server.ClientForAsync("admin");
        var key = Diagrams.NewKey("draft");
        await ProblemAssertions.AssertProblemAsync(await admin.GetAsync($"/api/definitions/{key}/draft"), HttpStatusCode.NotFound);

        using var first = Diagrams.Xml(Diagrams.Unsupported(key));
        var saved = await admin.PutAsync($"/api/definitions/{key}/draft", first);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var etag = saved.Headers.ETag!.Tag;

        var reopened = await admin.GetAsync($"/api/definitions/{key}/draft");
        Assert.Equal(Diagrams.Unsupported(key), await reopened.Content.ReadAsStringAsync());
        Assert.Equal(etag, reopened.Headers.ETag!.Tag);

        using var second = Diagrams.Xml(Diagrams.UserTask(key));
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/definitions/{key}/draft") { Content = second };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(request)).StatusCode);

        using var stale = Diagrams.Xml(Diagrams.UserTask(key) + "<!-- stale -->");
        var staleRequest = new HttpRequestMessage(HttpMethod.Put, $"/api/definitions/{key}/draft") { Content = stale };
        staleRequest.Headers.TryAddWithoutValidation("If-Match", etag);
        await ProblemAssertions.AssertProblemAsync(await admin.SendAsync(staleRequest), HttpStatusCode.Conflict);
        Assert.Equal(Diagrams.UserTask(key), await (await admin.GetAsync($"/api/definitions/{key}/draft")).Content.ReadAsStringAsync());

        var office = await server.ClientForAsync("office");
        await ProblemAssertions.AssertProblemAsync(await office.GetAsync($"/api/definitions/{key}/draft"), HttpStatusCode.Forbidden);
    }
}
