using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Engine;
using WorkflowHub.Server.Tests.Infrastructure;

namespace WorkflowHub.Server.Tests.Hazards;

/// <summary>
/// The real server on its own SQLite file with a hand-moved clock, no demo hazards, no sweep and no background job
/// executor: a test runs the loop's external tasks and timers with <see cref="RunDueJobsAsync"/>.
/// Evidence is limited to <see cref="EvidenceLimitBytes"/> so the size check can be shown with a small file.
/// </summary>
public sealed class HazardServer : IAsyncLifetime
{
    /// <summary>10:00 in the city (+08:00) on 15 July 2020, in the investigation and rectification phase.</summary>
    public static readonly DateTimeOffset Start = new(2020, 7, 15, 2, 0, 0, TimeSpan.Zero);

    public const int EvidenceLimitBytes = 64 * 1024;

    private readonly WorkflowHubFactory root = new();

    public HazardServer()
    {
        Factory = root.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Demo:Hazards", "0");
            builder.UseSetting("Decisions:SweepEnabled", "false");
            builder.UseSetting("Engine:JobExecutor:Enabled", "false");
            builder.UseSetting("Storage:EvidencePath", Path.Combine(root.Folder, "evidence"));
            builder.UseSetting("Storage:MaxEvidenceBytes", EvidenceLimitBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            });
        });
    }

    public HazardClock Clock { get; } = new(Start);

    public WebApplicationFactory<Program> Factory { get; }

    public IWorkflowEngine Engine => Factory.Services.GetRequiredService<IWorkflowEngine>();

    public string EvidenceFolder => Path.Combine(root.Folder, "evidence");

    public Task InitializeAsync()
    {
        // Starts the host: migrations, plan, accounts and the workflow deployment run before the first request.
        _ = Factory.Server;
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        root.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A client signed in now (tokens follow the test clock, so sign in again after moving it far).</summary>
    public Task<HttpClient> ClientForAsync(string userName) => Factory.CreateSignedInClientAsync(userName);

    /// <summary>What the job executor does, on the test's clock, until nothing more is due.</summary>
    public async Task RunDueJobsAsync()
    {
        for (var round = 0; round < 20 && await Engine.ExecuteDueJobsAsync("hazard-tests", 50) > 0; round++)
        {
        }
    }

    public async Task<T> WithDbAsync<T>(Func<CampaignDbContext, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<CampaignDbContext>());
    }
}
