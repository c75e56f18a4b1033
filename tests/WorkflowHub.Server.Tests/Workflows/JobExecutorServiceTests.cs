using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using WorkflowHub.Server.Tests.Infrastructure;

namespace WorkflowHub.Server.Tests.Workflows;

/// <summary>The background job executor on real time: a one-second timer fires by itself.</summary>
public sealed class JobExecutorServiceTests
{
    [Fact]
    public async Task The_background_job_executor_fires_a_one_second_timer()
    {
        using var root = new WorkflowHubFactory();
        using var factory = root.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Demo:Hazards", "0");
            builder.UseSetting("Decisions:SweepEnabled", "false");
            builder.UseSetting("Engine:JobExecutor:PollInterval", "00:00:00.200");
        });
        var client = factory.CreateClient();
        var token = await (await client.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = WorkflowHubFactory.DemoPassword }))
            .Content.ReadFromJsonAsync<WorkflowHubFactory.TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        var key = Diagrams.NewKey("tick");
        await WorkflowApi.DeployAsync(client, Diagrams.Timer(key, "PT1S"));
        var instanceId = (await WorkflowApi.StartAsync(client, key)).GetProperty("id").GetGuid();

        var active = Array.Empty<string?>();
        for (var attempt = 0; attempt < 150 && !active.Contains("followUp"); attempt++)
        {
            await Task.Delay(200);
            var instance = await WorkflowApi.GetJsonAsync(client, $"/api/instances/{instanceId}");
            active = instance.GetProperty("activeElementIds").EnumerateArray().Select(e => e.GetString()).ToArray();
        }

        Assert.Equal("followUp", Assert.Single(active));
    }
}
