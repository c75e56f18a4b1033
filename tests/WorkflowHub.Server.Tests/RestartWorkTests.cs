using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Engine;
using WorkflowHub.Engine.Persistence;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Server.Tests.Infrastructure;
using WorkflowHub.Testing.Hosting;

namespace WorkflowHub.Server.Tests;

/// <summary>What a restart on the same database still does: the plan import only for a changed file, the hazard resync only where needed.</summary>
public sealed class RestartWorkTests : IDisposable
{
    private const string UnitCode = "city-fire-rescue";
    private readonly string _folder = TempFolders.Create();

    public void Dispose()
    {
        TempFolders.Delete(_folder);
    }

    private static Task<string> UnitNameAsync(WorkflowHubFactory factory) =>
        factory.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == UnitCode).Select(u => u.NameEn).SingleAsync());

    private static Task<string?> StoredPlanHashAsync(WorkflowHubFactory factory) =>
        factory.WithDbAsync(db => db.CampaignProfiles.Select(p => p.PlanSha256).SingleAsync());

    private static async Task<string> FileHashAsync(string path) =>
        Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path)));

    [Fact]
    public async Task An_unchanged_plan_file_is_not_imported_again_and_a_changed_one_is()
    {
        var planPath = Path.Combine(_folder, "plan.json");
        var original = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "workflows", "campaign-plan.json"));
        await File.WriteAllTextAsync(planPath, original);
        var settings = new Dictionary<string, string?> { ["Campaign:PlanPath"] = planPath };

        string planName;
        using (var first = WorkflowHubFactory.OnFolder(_folder, settings))
        {
            Assert.Equal(await FileHashAsync(planPath), await StoredPlanHashAsync(first));
            planName = await UnitNameAsync(first);

            // A change the file does not carry: importing the file again would put the plan's name back.
            await first.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == UnitCode)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.NameEn, "Renamed outside the plan")));
        }

        using (var unchanged = WorkflowHubFactory.OnFolder(_folder, settings))
        {
            Assert.Equal("Renamed outside the plan", await UnitNameAsync(unchanged));
        }

        // The same plan, one byte longer: another hash, so it is imported.
        await File.WriteAllTextAsync(planPath, original + "\n");
        using (var changed = WorkflowHubFactory.OnFolder(_folder, settings))
        {
            Assert.Equal(planName, await UnitNameAsync(changed));
            Assert.Equal(await FileHashAsync(planPath), await StoredPlanHashAsync(changed));
        }
    }

    [Fact]
    public async Task A_restart_brings_hazards_whose_listener_was_lost_back_in_step()
    {
        var settings = new Dictionary<string, string?> { ["Demo:Hazards"] = "24" };
        Dictionary<Guid, (HazardState State, HazardGrade Grade, DateTimeOffset? GradedAt)> before;
        Guid ungraded;
        Guid behind;
        using (var first = WorkflowHubFactory.OnFolder(_folder, settings))
        {
            before = await first.WithDbAsync(async db => (await db.Hazards.AsNoTracking().ToListAsync())
                .ToDictionary(h => h.Id, h => (h.State, h.Grade, h.GradedAt)));
            // Hazards whose loop waits in a user task of their state (the demo also leaves loops waiting elsewhere).
            var engine = first.Services.GetRequiredService<IWorkflowEngine>();
            var instances = await first.WithDbAsync(db => db.Hazards.Where(h => h.InstanceId != null).ToDictionaryAsync(h => h.Id, h => h.InstanceId!.Value));
            var graded = new List<Guid>();
            foreach (var (id, hazard) in before.Where(h => h.Value.GradedAt is not null && h.Value.State is HazardState.Planning or HazardState.Rectifying or HazardState.AwaitingAcceptance).OrderBy(h => h.Key))
            {
                var tasks = await engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = instances[id] });
                if (tasks.Items.Any(t => HazardWorkflow.StateAt(t.ElementId) == hazard.State))
                {
                    graded.Add(id);
                }
            }

            Assert.True(graded.Count >= 2, $"The demo city has {graded.Count} graded open hazards");
            (ungraded, behind) = (graded[0], graded[1]);

            // As a kill between the engine's commit and the listener leaves them: the grading not written back, and
            // the state of the task before the open one.
            await first.WithDbAsync(db => db.Hazards.Where(h => h.Id == ungraded).ExecuteUpdateAsync(h => h
                .SetProperty(x => x.State, HazardState.Grading)
                .SetProperty(x => x.Grade, HazardGrade.Ungraded)
                .SetProperty(x => x.GradedAt, (DateTimeOffset?)null)
                .SetProperty(x => x.DueAt, (DateTimeOffset?)null)));
            await first.WithDbAsync(db => db.Hazards.Where(h => h.Id == behind).ExecuteUpdateAsync(h => h
                .SetProperty(x => x.State, HazardState.Reported)));
        }

        using var again = WorkflowHubFactory.OnFolder(_folder, settings);
        var after = await again.WithDbAsync(async db => (await db.Hazards.AsNoTracking().ToListAsync()).ToDictionary(h => h.Id));

        Assert.Equal(before.Count, after.Count);
        foreach (var id in new[] { ungraded, behind })
        {
            Assert.Equal(before[id].State, after[id].State);
            Assert.Equal(before[id].Grade, after[id].Grade);
            Assert.NotNull(after[id].GradedAt);
        }
    }
}
