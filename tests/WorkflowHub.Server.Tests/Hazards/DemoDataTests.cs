using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Engine;
using WorkflowHub.Engine.Persistence;
using WorkflowHub.Server.Tests.Infrastructure;

namespace WorkflowHub.Server.Tests.Hazards;

/// <summary>The demo city: an empty registry gets hazards at every stage, each with its loop waiting where the row says.</summary>
public sealed class DemoDataTests
{
    [Fact]
    public async Task The_demo_generator_fills_an_empty_registry_with_hazards_at_every_stage()
    {
        using var root = new WorkflowHubFactory();
        using var factory = root.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Demo:Hazards", "60");
            builder.UseSetting("Demo:BatchSize", "25");
            builder.UseSetting("Decisions:SweepEnabled", "false");
            builder.UseSetting("Engine:JobExecutor:Enabled", "false");
        });
        _ = factory.Server;

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CampaignDbContext>();
        var engine = scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
        var hazards = await db.Hazards.AsNoTracking().ToListAsync();
        Assert.Equal(60, hazards.Count);
        Assert.Equal(60, hazards.Select(h => h.Number).Distinct().Count());
        Assert.True(hazards.Select(h => h.State).Distinct().Count() >= 4, string.Join(", ", hazards.GroupBy(h => h.State).Select(g => $"{g.Key}: {g.Count()}")));
        Assert.True(hazards.Select(h => h.AreaCode).Distinct().Count() >= 5);
        Assert.True(hazards.Select(h => h.DistrictCode).Distinct().Count() >= 5);

        foreach (var hazard in hazards.Where(h => h.Grade != HazardGrade.Major))
        {
            Assert.NotNull(hazard.InstanceId);
            var open = await engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = hazard.InstanceId, Take = 10 });
            var expected = hazard.State switch
            {
                HazardState.Grading => "Task_GradeHazard",
                HazardState.Planning => "Task_SubmitPlan",
                HazardState.Rectifying => "Task_Rectify",
                HazardState.AwaitingAcceptance => "Task_AcceptGeneral",
                _ => null,
            };
            Assert.Equal(expected is null ? [] : [expected], open.Items.Select(t => t.ElementId).ToArray());
        }

        // A second start finds hazards and generates none.
        using var client = await root.CreateClientForAsync("office");
        var overview = await client.GetFromJsonAsync<JsonElement>("/api/campaign/overview");
        Assert.Equal(60, overview.GetProperty("hazards").GetProperty("total").GetInt32());
    }
}
