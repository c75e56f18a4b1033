using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Engine;
using WorkflowHub.Server.Tests.Hazards;
using WorkflowHub.Server.Tests.Infrastructure;

namespace WorkflowHub.Server.Tests.Security;

/// <summary>
/// One server for all security tests: a hand-moved clock inside a campaign phase (so hazards can be reported), no
/// background jobs, small limits (evidence <see cref="EvidenceLimitBytes"/>, BPMN <see cref="BpmnLimitChars"/>) and the
/// production sign-in limit of <see cref="SignInPermitLimit"/> attempts per client and user name. Every demo user
/// signs in once (<see cref="ClientAsync"/>) so the tests never spend that limit by accident.
/// </summary>
public sealed class SecurityServer : IAsyncLifetime
{
    public const int EvidenceLimitBytes = 64 * 1024;
    public const int SignInPermitLimit = 10;

    /// <summary>The demo users (one per role, two department officers of different units) the matrix signs in.</summary>
    public static readonly IReadOnlyList<string> DemoUsers =
        ["admin", "office", "auditor", "fire-officer", "fire-head", "emergency-officer", "district-officer", "enterprise-demo"];

    private readonly WorkflowHubFactory root = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<HttpClient>>> clients = new(StringComparer.Ordinal);

    public SecurityServer()
    {
        Factory = root.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Decisions:SweepEnabled", "false");
            builder.UseSetting("Engine:JobExecutor:Enabled", "false");
            builder.UseSetting("Storage:EvidencePath", EvidenceFolder);
            builder.UseSetting("Storage:MaxEvidenceBytes", EvidenceLimitBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("SignInRateLimit:PermitLimit", SignInPermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("SignInRateLimit:WindowSeconds", "60");
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            });
        });
    }

    public HazardClock Clock { get; } = new(HazardServer.Start);

    public WebApplicationFactory<Program> Factory { get; }

    public IWorkflowEngine Engine => Factory.Services.GetRequiredService<IWorkflowEngine>();

    public string EvidenceFolder => Path.Combine(root.Folder, "evidence");

    public Task InitializeAsync()
    {
        _ = Factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in clients.Values.Where(c => c.IsValueCreated && c.Value.IsCompletedSuccessfully))
        {
            (await client.Value).Dispose();
        }

        Factory.Dispose();
        root.Dispose();
    }

    /// <summary>The bearer-token client of <paramref name="userName"/>, signed in on first use and then reused.</summary>
    public Task<HttpClient> ClientAsync(string userName) =>
        clients.GetOrAdd(userName, name => new Lazy<Task<HttpClient>>(() => Factory.CreateSignedInClientAsync(name))).Value;

    /// <summary>A client without credentials that does not follow redirects (so a redirect to the login page shows).</summary>
    public HttpClient AnonymousClient(string baseAddress = "http://localhost") =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });

    public async Task<T> WithDbAsync<T>(Func<CampaignDbContext, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<CampaignDbContext>());
    }
}

/// <summary>The security tests share one server: signing in each role once keeps the run fast.</summary>
[CollectionDefinition(Name)]
public sealed class SecurityServerCollection : ICollectionFixture<SecurityServer>
{
    public const string Name = "security-server";
}
