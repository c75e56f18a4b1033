using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkflowHub.Server.Tests.Decisions;
using WorkflowHub.Server.Tests.Infrastructure;

namespace WorkflowHub.Server.Tests.Security;

/// <summary>Bearer tokens are remembered once checked (<c>CachingTicketProtector</c>); an expired one must still be refused.</summary>
public sealed class BearerTokenExpiryTests : IDisposable
{
    private readonly WorkflowHubFactory root = new();
    private readonly ManualTimeProvider clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_token_used_a_moment_ago_is_401_once_it_has_expired()
    {
        using var factory = root.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
        }));
        using var client = await factory.CreateSignedInClientAsync("office");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);

        clock.Advance(TimeSpan.FromHours(8) - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(1));

        await ProblemAssertions.AssertProblemAsync(await client.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }

    public void Dispose() => root.Dispose();
}
