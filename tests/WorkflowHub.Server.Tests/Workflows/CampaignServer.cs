using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkflowHub.Engine;
using WorkflowHub.Server.Tests.Decisions;
using WorkflowHub.Server.Tests.Infrastructure;

namespace WorkflowHub.Server.Tests.Workflows;

/// <summary>
/// The real server with the campaign process started at start-up (<c>Campaign:AutoStart</c>) on the plan's own
/// calendar, a clock standing at the campaign's first day (1 June 2020, 00:00 in the city) and no background job
/// executor: a test moves the clock and runs the due jobs itself.
/// </summary>
public sealed class CampaignServer : IAsyncLifetime
{
    public static readonly DateTimeOffset CampaignStart = new(2020, 6, 1, 0, 0, 0, TimeSpan.FromHours(8));

    private readonly WorkflowHubFactory root = new();

    public CampaignServer()
    {
        Factory = root.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Campaign:AutoStart", "true");
            builder.UseSetting("Campaign:TimeScale", "1");
            builder.UseSetting("Demo:Hazards", "0");
            builder.UseSetting("Decisions:SweepEnabled", "false");
            builder.UseSetting("Engine:JobExecutor:Enabled", "false");
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            });
        });
    }

    public ManualTimeProvider Clock { get; } = new(CampaignStart);

    public WebApplicationFactory<Program> Factory { get; }

    public IWorkflowEngine Engine => Factory.Services.GetRequiredService<IWorkflowEngine>();

    public string Folder => root.Folder;

    public Task InitializeAsync()
    {
        _ = Factory.Server;
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        root.Dispose();
        return Task.CompletedTask;
    }

    public Task<HttpClient> ClientForAsync(string userName) => Factory.CreateSignedInClientAsync(userName);

    public void MoveClockTo(DateTimeOffset instant)
    {
        var by = instant - Clock.GetUtcNow();
        if (by > TimeSpan.Zero)
        {
            Clock.Advance(by);
        }
    }
}
