using System.Net;

namespace WorkflowHub.Server.Tests.Workflows;

/// <summary>The target-progress loop end to end: the unit reports, its head approves, the registry records the value.</summary>
[Collection(WorkflowServerCollection.Name)]
public sealed class TargetProgressWorkflowTests(WorkflowServer server)
{
    private const string TargetCode = "fire-training-2021";

    [Fact]
    public async Task An_approved_progress_report_is_recorded_against_its_target_once()
    {
        var office = await server.ClientForAsync("office");
        var fire = await server.ClientForAsync("fire-officer");
        var head = await server.ClientForAsync("fire-head");
        var businessKey = $"progress-{Guid.NewGuid():N}";
        await WorkflowApi.StartAsync(office, "target-progress", new
        {
            targetCode = TargetCode,
            responsibleUnit = "city-fire-rescue",
            responsibleGroup = "city-fire-rescue",
            responsibleHeadGroup = "city-fire-rescue:DepartmentHead",
            dueReport = server.Clock.GetUtcNow().AddDays(10).ToString("O"),
            reminderCycle = "R/P1D",
        }, businessKey);

        var report = Assert.Single(await TasksOfAsync(fire, businessKey));
        Assert.Equal(HttpStatusCode.OK, (await WorkflowApi.CompleteAsync(fire, report, new { value = 55, asOf = "2021-03-31", evidenceNote = "第一季度培训台账及签到表" })).StatusCode);
        var approval = Assert.Single(await TasksOfAsync(head, businessKey));
        Assert.Equal(HttpStatusCode.OK, (await WorkflowApi.CompleteAsync(head, approval, new { headDecision = "approve", headComment = "同意" })).StatusCode);
        await server.RunDueJobsAsync();
        await server.RunDueJobsAsync();

        var targets = await WorkflowApi.GetJsonAsync(office, $"/api/targets?unitCode=city-fire-rescue");
        var target = targets.EnumerateArray().Single(t => t.GetProperty("code").GetString() == TargetCode);
        var recorded = target.GetProperty("reports").EnumerateArray().Where(r => r.GetProperty("value").GetDecimal() == 55m).ToList();
        Assert.Single(recorded);
        var instances = await WorkflowApi.GetJsonAsync(office, $"/api/instances?businessKey={businessKey}");
        Assert.Equal("Completed", instances.GetProperty("items")[0].GetProperty("state").GetString());
    }

    private static async Task<IReadOnlyList<Guid>> TasksOfAsync(HttpClient client, string businessKey)
    {
        var page = await WorkflowApi.GetJsonAsync(client, $"/api/tasks?businessKey={businessKey}");
        return page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ToList();
    }
}
