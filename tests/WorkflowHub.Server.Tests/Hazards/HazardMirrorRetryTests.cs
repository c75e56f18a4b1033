using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Server.Tests.Infrastructure;
using static WorkflowHub.Server.Tests.Hazards.HazardApi;

namespace WorkflowHub.Server.Tests.Hazards;

/// <summary>
/// The hazard row follows its loop even when another command saves the same hazard between the listener's read and its
/// save: the listener meets the moved version, reads and applies again, and the grading is not lost until a restart.
/// </summary>
public sealed class HazardMirrorRetryTests : IAsyncLifetime
{
    private readonly WorkflowHubFactory _root = new();
    private readonly ConcurrentHazardSave _interloper = new();
    private WebApplicationFactory<Program> _factory = null!;

    public Task InitializeAsync()
    {
        _factory = _root.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Demo:Hazards", "0");
            builder.UseSetting("Decisions:SweepEnabled", "false");
            builder.UseSetting("Engine:JobExecutor:Enabled", "false");
            builder.ConfigureTestServices(services => services.ConfigureDbContext<CampaignDbContext>(options => options.AddInterceptors(_interloper)));
        });
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        _root.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_grading_whose_hazard_was_saved_meanwhile_still_reaches_the_hazard_row()
    {
        var officer = await _factory.CreateSignedInClientAsync("fire-officer");
        var reported = await ReportAsync(officer, "消防通道堵塞", FireArea);
        _interloper.Arm(_root.DatabasePath);

        await CompleteAsync(officer, reported.GetProperty("number").GetString()!, "Task_GradeHazard", Grading("general"));

        var file = await GetFileAsync(officer, reported.GetProperty("id").GetString()!);
        Assert.Equal(1, _interloper.Interventions);
        Assert.Equal("General", file.GetProperty("hazard").GetProperty("grade").GetString());
        Assert.Equal("Planning", State(file));
    }
}
