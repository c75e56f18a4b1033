using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkflowHub.Engine;
using WorkflowHub.Server.Tests.Infrastructure;

namespace WorkflowHub.Server.Tests.Workflows;

/// <summary>
/// The real server on its own SQLite file with a hand-moved clock, no demo hazards and no background job executor:
/// a test fires timers by moving <see cref="Clock"/> and calling <see cref="RunDueJobsAsync"/>.
/// </summary>
public sealed class WorkflowServer : IAsyncLifetime
{
    private readonly WorkflowHubFactory root = new();

    public WorkflowServer()
    {
        Factory = root.WithWebHostBuilder(builder =>
        {
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

    public WorkflowClock Clock { get; } = new();

    public WebApplicationFactory<Program> Factory { get; }

    public IWorkflowEngine Engine => Factory.Services.GetRequiredService<IWorkflowEngine>();

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

    public Task<HttpClient> ClientForAsync(string userName) => Factory.CreateSignedInClientAsync(userName);

    /// <summary>What the job executor does in one round, on the test's clock.</summary>
    public Task<int> RunDueJobsAsync() => Engine.ExecuteDueJobsAsync("workflow-tests", 50);
}
