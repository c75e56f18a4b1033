using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WorkflowHub.Server.Tests.Infrastructure;

namespace WorkflowHub.Server.Tests.Workflows;

[Collection(WorkflowServerCollection.Name)]
public sealed class InstanceApiTests(WorkflowServer server)
{
    [Fact]
    public async Task A_due_timer_fires_when_the_job_executor_runs_and_not_before()
    {
        var admin = await server.ClientForAsync("admin");
        var key = Diagrams.NewKey("timer");
        await WorkflowApi.DeployAsync(admin, Diagrams.Timer(key, "PT1H"));
        var instanceId = (await WorkflowApi.StartAsync(admin, key)).GetProperty("id").GetGuid();

        await server.RunDueJobsAsync();
        var waiting = await WorkflowApi.GetJsonAsync(admin, $"/api/instances/{instanceId}");
        server.Clock.Advance(TimeSpan.FromMinutes(61));
        await server.RunDueJobsAsync();
        var fired = await WorkflowApi.GetJsonAsync(admin, $"/api/instances/{instanceId}");

        Assert.Equal(["wait"], waiting.GetProperty("activeElementIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["followUp"], fired.GetProperty("activeElementIds").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_message_reaches_the_waiting_instance_and_is_404_when_nobody_waits()
    {
        var admin = await server.ClientForAsync("admin");
        var office = await server.ClientForAsync("office");
        var key = Diagrams.NewKey("reply");
        var message = $"reply-{Guid.NewGuid():N}";
        await WorkflowApi.DeployAsync(admin, Diagrams.Message(key, message));
        var instanceId = (await WorkflowApi.StartAsync(office, key, businessKey: "HZ-2020-0001")).GetProperty("id").GetGuid();

        var wrongKey = await office.PostAsJsonAsync("/api/messages", new { name = message, businessKey = "HZ-2020-9999" });
        var delivered = await office.PostAsJsonAsync("/api/messages", new { name = message, businessKey = "HZ-2020-0001", variables = new { accepted = true } });
        var nobody = await office.PostAsJsonAsync("/api/messages", new { name = message, businessKey = "HZ-2020-0001" });

        await ProblemAssertions.AssertProblemAsync(wrongKey, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal([instanceId], (await delivered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceIds").EnumerateArray().Select(i => i.GetGuid()));
        await ProblemAssertions.AssertProblemAsync(nobody, HttpStatusCode.NotFound);
        var instance = await WorkflowApi.GetJsonAsync(office, $"/api/instances/{instanceId}");
        Assert.Equal("Completed", instance.GetProperty("state").GetString());
        Assert.True(instance.GetProperty("variables").GetProperty("accepted").GetBoolean());
    }

    [Fact]
    public async Task Messages_are_for_the_committee_office_and_admins()
    {
        var fire = await server.ClientForAsync("fire-officer");

        await ProblemAssertions.AssertProblemAsync(await fire.PostAsJsonAsync("/api/messages", new { name = "anything" }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Cancelling_ends_the_instance_and_its_tasks()
    {
        var admin = await server.ClientForAsync("admin");
        var key = Diagrams.NewKey("cancel");
        await WorkflowApi.DeployAsync(admin, Diagrams.UserTask(key));
        var office = await server.ClientForAsync("office");
        var instanceId = (await WorkflowApi.StartAsync(office, key)).GetProperty("id").GetGuid();
        var fire = await server.ClientForAsync("fire-officer");

        await ProblemAssertions.AssertProblemAsync(await fire.PostAsync($"/api/instances/{instanceId}/cancel", null), HttpStatusCode.Forbidden);
        var cancelled = await office.PostAsync($"/api/instances/{instanceId}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("Cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        Assert.Empty(await WorkflowApi.InboxAsync(fire, key));
        var list = await WorkflowApi.GetJsonAsync(office, $"/api/instances?definitionKey={key}&state=cancelled");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Bad_requests_are_400_and_unknown_ones_404()
    {
        var office = await server.ClientForAsync("office");

        var unknownKey = await office.PostAsJsonAsync("/api/instances", new { definitionKey = "no-such-process" });
        var badVariables = await office.PostAsJsonAsync("/api/instances", new { definitionKey = "hazard-rectification", variables = new[] { 1, 2 } });
        var badState = await office.GetAsync("/api/instances?state=sleeping");

        await ProblemAssertions.AssertProblemAsync(unknownKey, HttpStatusCode.NotFound);
        var variablesProblem = await ProblemAssertions.AssertProblemAsync(badVariables, HttpStatusCode.BadRequest);
        Assert.True(variablesProblem.GetProperty("errors").TryGetProperty("variables", out _));
        var stateProblem = await ProblemAssertions.AssertProblemAsync(badState, HttpStatusCode.BadRequest);
        Assert.True(stateProblem.GetProperty("errors").TryGetProperty("state", out _));
        await ProblemAssertions.AssertProblemAsync(await office.GetAsync($"/api/instances/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_stuck_gateway_is_an_incident_overseers_list_and_an_admin_retries()
    {
        var admin = await server.ClientForAsync("admin");
        var auditor = await server.ClientForAsync("auditor");
        var fire = await server.ClientForAsync("fire-officer");
        var key = Diagrams.NewKey("stuck");
        await WorkflowApi.DeployAsync(admin, Diagrams.Gateway(key));
        var instanceId = (await WorkflowApi.StartAsync(admin, key, new { go = false })).GetProperty("id").GetGuid();

        var open = await WorkflowApi.GetJsonAsync(auditor, $"/api/incidents?instanceId={instanceId}");
        var incident = Assert.Single(open.GetProperty("items").EnumerateArray());
        var incidentId = incident.GetProperty("id").GetGuid();
        Assert.Equal("decide", incident.GetProperty("elementId").GetString());
        Assert.Contains(incidentId, (await WorkflowApi.GetJsonAsync(admin, $"/api/instances/{instanceId}")).GetProperty("incidents").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));

        await ProblemAssertions.AssertProblemAsync(await fire.GetAsync("/api/incidents"), HttpStatusCode.Forbidden);
        await ProblemAssertions.AssertProblemAsync(await auditor.PostAsync($"/api/incidents/{incidentId}/retry", null), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/incidents/{incidentId}/retry", null)).StatusCode);

        var resolved = await WorkflowApi.GetJsonAsync(auditor, $"/api/incidents?instanceId={instanceId}&state=resolved");
        Assert.Equal([incidentId], resolved.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        await ProblemAssertions.AssertProblemAsync(await admin.PostAsync($"/api/incidents/{incidentId}/retry", null), HttpStatusCode.NotFound);
    }
}
