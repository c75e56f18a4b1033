using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using WorkflowHub.Server.Tests.Infrastructure;
using WorkflowHub.Testing.Hosting;

namespace WorkflowHub.Server.Tests.Workflows;

/// <summary>The deployment of <c>workflows/*.bpmn</c> at start-up: idempotent across restarts, and a broken file stops the server.</summary>
public sealed class WorkflowStartupTests
{
    private static WebApplicationFactory<Program> Quiet(WorkflowHubFactory factory, params (string Key, string Value)[] settings) =>
        factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Demo:Hazards", "0");
            builder.UseSetting("Decisions:SweepEnabled", "false");
            builder.UseSetting("Engine:JobExecutor:Enabled", "false");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });

    private static async Task<JsonElement> DefinitionsAsync(WebApplicationFactory<Program> factory)
    {
        var client = factory.CreateClient();
        var token = await (await client.PostAsJsonAsync("/api/auth/token", new { userName = "auditor", password = WorkflowHubFactory.DemoPassword }))
            .Content.ReadFromJsonAsync<WorkflowHubFactory.TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return await WorkflowApi.GetJsonAsync(client, "/api/definitions");
    }

    [Fact]
    public async Task A_restart_deploys_no_new_versions_of_unchanged_files()
    {
        var folder = TempFolders.Create();
        try
        {
            JsonElement first;
            using (var root = WorkflowHubFactory.OnFolder(folder))
            using (var server = Quiet(root))
            {
                first = await DefinitionsAsync(server);
            }

            using var restartedRoot = WorkflowHubFactory.OnFolder(folder);
            using var restarted = Quiet(restartedRoot);
            var second = await DefinitionsAsync(restarted);

            Assert.Equal(6, first.GetArrayLength());
            Assert.All(second.EnumerateArray(), d => Assert.Equal(1, d.GetProperty("latestVersion").GetInt32()));
            Assert.Equal(
                first.EnumerateArray().Select(d => d.GetProperty("latestId").GetString()),
                second.EnumerateArray().Select(d => d.GetProperty("latestId").GetString()));
        }
        finally
        {
            TempFolders.Delete(folder);
        }
    }

    [Fact]
    public async Task A_diagram_the_engine_refuses_stops_start_up_naming_the_file_and_the_element()
    {
        var folder = TempFolders.Create();
        try
        {
            var workflows = Directory.CreateDirectory(Path.Combine(folder, "workflows")).FullName;
            await File.WriteAllTextAsync(Path.Combine(workflows, "broken.bpmn"), Diagrams.Unsupported("broken"));

            await using var server = ServerProcess.Start(Path.Combine(folder, "broken.db"), new Dictionary<string, string>
            {
                ["Workflows:Path"] = workflows,
                ["Demo:Enabled"] = "false",
            });

            Assert.Equal(1, await server.WaitForExitAsync(TimeSpan.FromSeconds(90)));
            Assert.Contains("WorkflowHub did not start: The workflow file 'broken.bpmn' cannot be deployed", server.Output, StringComparison.Ordinal);
            Assert.Contains("mysteryGateway", server.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Now listening", server.Output, StringComparison.Ordinal);
        }
        finally
        {
            TempFolders.Delete(folder);
        }
    }
}
