using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Plan;
using WorkflowHub.Server.Tests.Infrastructure;

namespace WorkflowHub.Server.Tests.Decisions;

/// <summary>
/// The real server on its own SQLite file with a hand-moved clock, no demo hazards, no scheduled sweep and no job
/// executor, so every decision in a test comes from what the test seeded and the sweeps it ran.
/// </summary>
public sealed class DecisionsServer : IAsyncLifetime
{
    /// <summary>10:00 in the city (+08:00) on 10 June 2020: after the campaign start, before any target deadline or quarterly check.</summary>
    public static readonly DateTimeOffset Start = new(2020, 6, 10, 2, 0, 0, TimeSpan.Zero);

    private readonly WorkflowHubFactory root = new();

    public DecisionsServer()
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

    public ManualTimeProvider Clock { get; } = new(Start);

    public WebApplicationFactory<Program> Factory { get; }

    public IServiceProvider Services => Factory.Services;

    public Task InitializeAsync()
    {
        // Starts the host: migrations, the plan, accounts and the policy seed run before the first request.
        _ = Factory.Server;
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        root.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A client signed in now (tokens are issued and checked on the test clock, so sign in again after moving it).</summary>
    public Task<HttpClient> ClientForAsync(string userName) => Factory.CreateSignedInClientAsync(userName);

    public async Task<T> WithDbAsync<T>(Func<CampaignDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<CampaignDbContext>());
    }

    /// <summary>
    /// Stores a graded general hazard of <paramref name="unitCode"/>, due <paramref name="overdueDays"/> days before now,
    /// straight through the context (as the hazard loop leaves it while rectification is late).
    /// </summary>
    public Task<Hazard> SeedOverdueHazardAsync(string number, string unitCode, double overdueDays, HazardGrade grade = HazardGrade.General) =>
        WithDbAsync(async db =>
        {
            var now = Clock.GetUtcNow();
            var area = await db.Areas.AsNoTracking().OrderBy(a => a.Code).FirstAsync();
            var district = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.District).OrderBy(u => u.Code).FirstAsync();
            var hazard = new Hazard
            {
                Id = Guid.NewGuid(),
                Number = number,
                Title = "消防通道堵塞",
                Description = "仓库消防通道被货物堵塞，疏散指示灯损坏。",
                AreaCode = area.Code,
                DistrictCode = district.Code,
                ResponsibleUnitCode = unitCode,
                Source = HazardSource.Inspection,
                FoundAt = now.AddDays(-20),
                Grade = grade,
                State = HazardState.Rectifying,
                ListedForSupervision = grade == HazardGrade.Major,
                GradedAt = now.AddDays(-18),
                DueAt = now.AddDays(-overdueDays),
                ReportedBy = "fire-officer",
                ReportedAt = now.AddDays(-20),
            };
            db.Add(hazard);
            await db.SaveChangesAsync();
            return hazard;
        });
}
