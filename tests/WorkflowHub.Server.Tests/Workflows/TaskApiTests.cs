using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WorkflowHub.Server.Tests.Infrastructure;

namespace WorkflowHub.Server.Tests.Workflows;

[Collection(WorkflowServerCollection.Name)]
public sealed class TaskApiTests(WorkflowServer server)
{
    /// <summary>Deploys a one-task process for the fire brigade, starts it as the committee office and returns (key, instance id).</summary>
    private async Task<(string Key, Guid InstanceId)> StartReviewAsync(string candidateGroups = "city-fire-rescue")
    {
        var admin = await server.ClientForAsync("admin");
        var key = Diagrams.NewKey("review");
        await WorkflowApi.DeployAsync(admin, Diagrams.UserTask(key, candidateGroups));
        var office = await server.ClientForAsync("office");
        var instance = await WorkflowApi.StartAsync(office, key, new { hazardTitle = "仓库消防通道堵塞", floors = 3 }, businessKey: key);
        return (key, instance.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Starting_an_instance_returns_it_waiting_in_the_user_task_with_its_variables()
    {
        var (key, instanceId) = await StartReviewAsync();
        var office = await server.ClientForAsync("office");

        var instance = await WorkflowApi.GetJsonAsync(office, $"/api/instances/{instanceId}");

        Assert.Equal("Active", instance.GetProperty("state").GetString());
        Assert.Equal(["review"], instance.GetProperty("activeElementIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("仓库消防通道堵塞", instance.GetProperty("variables").GetProperty("hazardTitle").GetString());
        Assert.Equal(3, instance.GetProperty("variables").GetProperty("floors").GetInt64());
        var list = await WorkflowApi.GetJsonAsync(office, $"/api/instances?definitionKey={key}");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_candidate_department_sees_the_task_and_another_department_neither_sees_nor_completes_it()
    {
        var (key, instanceId) = await StartReviewAsync();
        var fire = await server.ClientForAsync("fire-officer");
        var emergency = await server.ClientForAsync("emergency-officer");

        var fireInbox = await WorkflowApi.InboxAsync(fire, key);
        var emergencyInbox = await WorkflowApi.InboxAsync(emergency, key);

        var taskId = Assert.Single(fireInbox);
        Assert.Empty(emergencyInbox);
        await ProblemAssertions.AssertProblemAsync(await WorkflowApi.CompleteAsync(emergency, taskId, WorkflowApi.ValidGrading), HttpStatusCode.Forbidden);
        await ProblemAssertions.AssertProblemAsync(await emergency.PostAsync($"/api/tasks/{taskId}/claim", null), HttpStatusCode.Forbidden);
        await ProblemAssertions.AssertProblemAsync(await emergency.GetAsync($"/api/tasks/{taskId}"), HttpStatusCode.NotFound);
        await ProblemAssertions.AssertProblemAsync(await emergency.GetAsync($"/api/instances/{instanceId}"), HttpStatusCode.NotFound);
        Assert.Equal(0, (await WorkflowApi.GetJsonAsync(emergency, $"/api/instances?definitionKey={key}")).GetProperty("total").GetInt32());

        var details = await WorkflowApi.GetJsonAsync(fire, $"/api/tasks/{taskId}");
        Assert.Equal("hazard-grading.form", details.GetProperty("formName").GetString());
        Assert.Equal(["city-fire-rescue"], details.GetProperty("candidates").GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal("仓库消防通道堵塞", details.GetProperty("variables").GetProperty("hazardTitle").GetString());
        Assert.Equal(1, (await WorkflowApi.GetJsonAsync(fire, $"/api/instances?definitionKey={key}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Only_those_who_see_all_work_may_list_every_task()
    {
        var (key, _) = await StartReviewAsync();
        var auditor = await server.ClientForAsync("auditor");
        var emergency = await server.ClientForAsync("emergency-officer");

        var all = await WorkflowApi.GetJsonAsync(auditor, $"/api/tasks?all=true&definitionKey={key}");

        Assert.Equal(1, all.GetProperty("total").GetInt32());
        await ProblemAssertions.AssertProblemAsync(await emergency.GetAsync("/api/tasks?all=true"), HttpStatusCode.Forbidden);
        var taskId = all.GetProperty("items")[0].GetProperty("id").GetGuid();
        await ProblemAssertions.AssertProblemAsync(await WorkflowApi.CompleteAsync(auditor, taskId, WorkflowApi.ValidGrading), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Invalid_form_data_is_400_naming_each_field_and_the_task_stays_open()
    {
        var (key, instanceId) = await StartReviewAsync();
        var fire = await server.ClientForAsync("fire-officer");
        var taskId = Assert.Single(await WorkflowApi.InboxAsync(fire, key));

        var response = await WorkflowApi.CompleteAsync(fire, taskId, new { grade = "catastrophic", gradingReason = "短" });

        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("variables.grade", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("variables.gradingReason", out _), errors.ToString());
        var missing = await ProblemAssertions.AssertProblemAsync(await WorkflowApi.CompleteAsync(fire, taskId, new { gradingReason = "依据判定标准第三条" }), HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("variables.grade", out _));
        Assert.Equal([taskId], await WorkflowApi.InboxAsync(fire, key));
        var instance = await WorkflowApi.GetJsonAsync(fire, $"/api/instances/{instanceId}");
        Assert.False(instance.GetProperty("variables").TryGetProperty("grade", out _));
    }

    [Fact]
    public async Task Complete_is_200_then_completing_again_is_409()
    {
        var (key, instanceId) = await StartReviewAsync();
        var fire = await server.ClientForAsync("fire-officer");
        var taskId = Assert.Single(await WorkflowApi.InboxAsync(fire, key));

        var claimed = await fire.PostAsync($"/api/tasks/{taskId}/claim", null);
        var completed = await WorkflowApi.CompleteAsync(fire, taskId, WorkflowApi.ValidGrading);
        var again = await WorkflowApi.CompleteAsync(fire, taskId, WorkflowApi.ValidGrading);

        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        Assert.Equal("fire-officer", (await claimed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assignee").GetString());
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal("Completed", (await completed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceState").GetString());
        await ProblemAssertions.AssertProblemAsync(again, HttpStatusCode.Conflict);
        var instance = await WorkflowApi.GetJsonAsync(fire, $"/api/instances/{instanceId}");
        Assert.Equal("major", instance.GetProperty("variables").GetProperty("grade").GetString());
        Assert.Contains("review", instance.GetProperty("completedElementIds").EnumerateArray().Select(e => e.GetString()));
        var history = await WorkflowApi.GetJsonAsync(fire, $"/api/instances/{instanceId}/history");
        Assert.Contains(history.EnumerateArray(), e => e.GetProperty("type").GetString() == "TaskCompleted" && e.GetProperty("userId").GetString() == "fire-officer");
    }

    [Fact]
    public async Task A_task_claimed_by_a_colleague_leaves_the_others_inbox_and_they_may_not_complete_it()
    {
        var (key, _) = await StartReviewAsync("role:DepartmentOfficer");
        var fire = await server.ClientForAsync("fire-officer");
        var emergency = await server.ClientForAsync("emergency-officer");
        var taskId = Assert.Single(await WorkflowApi.InboxAsync(emergency, key));

        Assert.Equal(HttpStatusCode.OK, (await fire.PostAsync($"/api/tasks/{taskId}/claim", null)).StatusCode);

        Assert.Empty(await WorkflowApi.InboxAsync(emergency, key));
        Assert.Equal([taskId], await WorkflowApi.InboxAsync(fire, key));
        await ProblemAssertions.AssertProblemAsync(await WorkflowApi.CompleteAsync(emergency, taskId, WorkflowApi.ValidGrading), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Two_concurrent_completions_give_exactly_one_200_and_one_409()
    {
        var (key, _) = await StartReviewAsync();
        var first = await server.ClientForAsync("fire-officer");
        var second = await server.ClientForAsync("fire-head");
        var taskId = Assert.Single(await WorkflowApi.InboxAsync(first, key));

        var responses = await Task.WhenAll(
            WorkflowApi.CompleteAsync(first, taskId, WorkflowApi.ValidGrading),
            WorkflowApi.CompleteAsync(second, taskId, WorkflowApi.ValidGrading));

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.Conflict],
            responses.Select(r => r.StatusCode).Order());
    }

    [Fact]
    public async Task An_unknown_task_is_404()
    {
        var fire = await server.ClientForAsync("fire-officer");

        await ProblemAssertions.AssertProblemAsync(await WorkflowApi.CompleteAsync(fire, Guid.NewGuid(), null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_task_form_is_served_to_any_signed_in_user_and_paths_cannot_escape_the_forms_folder()
    {
        var enterprise = await server.ClientForAsync("enterprise-demo");

        var form = await WorkflowApi.GetJsonAsync(enterprise, "/api/forms/hazard-grading.form");

        Assert.Equal("grade", form.GetProperty("components")[0].GetProperty("key").GetString());
        await ProblemAssertions.AssertProblemAsync(await enterprise.GetAsync("/api/forms/no-such-form.form"), HttpStatusCode.NotFound);
        await ProblemAssertions.AssertProblemAsync(await enterprise.GetAsync("/api/forms/..%2Fcampaign-plan.json"), HttpStatusCode.BadRequest);
    }
}
