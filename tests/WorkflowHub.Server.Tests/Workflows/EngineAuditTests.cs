using System.Net;
using System.Text.Json;

namespace WorkflowHub.Server.Tests.Workflows;

/// <summary>
/// What the engine does on its own (a timer fired by the job executor) is recorded as <c>Engine.*</c> audit entries by
/// the user "engine"; what a command causes is covered by the command's own entry and recorded once.
/// </summary>
[Collection(WorkflowServerCollection.Name)]
public sealed class EngineAuditTests(WorkflowServer server)
{
    [Fact]
    public async Task A_timer_that_opens_a_task_is_recorded_as_the_engines_and_a_completion_by_command_only_as_the_commands()
    {
        var admin = await server.ClientForAsync("admin");
        var office = await server.ClientForAsync("office");
        var auditor = await server.ClientForAsync("auditor");
        var key = Diagrams.NewKey("audited-timer");
        await WorkflowApi.DeployAsync(admin, Diagrams.Timer(key, "PT1H"));
        var instanceId = (await WorkflowApi.StartAsync(office, key, businessKey: key)).GetProperty("id").GetGuid();

        server.Clock.Advance(TimeSpan.FromHours(2));
        Assert.True(await server.RunDueJobsAsync() > 0);

        var created = Assert.Single(await EntriesAsync(auditor, "Engine.TaskCreated", key));
        Assert.Equal("engine", created.GetProperty("userName").GetString());
        using (var payload = JsonDocument.Parse(created.GetProperty("payload").GetString()!))
        {
            Assert.Equal(instanceId, payload.RootElement.GetProperty("instanceId").GetGuid());
            Assert.Equal("followUp", payload.RootElement.GetProperty("elementId").GetString());
        }

        var taskId = Assert.Single(await WorkflowApi.InboxAsync(office, key));
        Assert.Equal(HttpStatusCode.OK, (await WorkflowApi.CompleteAsync(office, taskId, null)).StatusCode);

        Assert.Empty(await EntriesAsync(auditor, "Engine.TaskCompleted", key));
        Assert.Empty(await EntriesAsync(auditor, "Engine.InstanceEnded", key));
        Assert.Contains(await EntriesAsync(auditor, "CompleteTask", taskId.ToString()), e => e.GetProperty("userName").GetString() == "office");
    }

    /// <summary>The entries of <paramref name="action"/> whose payload mentions <paramref name="mention"/>.</summary>
    private static async Task<List<JsonElement>> EntriesAsync(HttpClient auditor, string action, string mention)
    {
        var page = await WorkflowApi.GetJsonAsync(auditor, $"/api/audit?action={action}&take=200");
        return page.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("payload").GetString()!.Contains(mention, StringComparison.Ordinal))
            .ToList();
    }
}
