using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Domain;
using WorkflowHub.Campaign.Features.Plan;
using WorkflowHub.Campaign.Plan;
using WorkflowHub.Campaign.Tests.Infrastructure;

namespace WorkflowHub.Campaign.Tests;

public sealed class PlanImportTests
{
    private static async Task<PlanImportResult> ImportAsync(TestDatabase database, CampaignPlan plan)
    {
        await using var db = database.CreateContext();
        return await new ImportCampaignPlanHandler(db).Handle(new ImportCampaignPlan(plan), CancellationToken.None);
    }

    [Fact]
    public async Task First_import_adds_everything_with_version_1()
    {
        await using var database = await TestDatabase.CreateAsync();

        var result = await ImportAsync(database, SamplePlan.Create());

        Assert.True(result.Added > 0);
        Assert.Equal(0, result.Updated);
        await using var db = database.CreateContext();
        Assert.Equal(4, await db.OrgUnits.CountAsync());
        Assert.Equal(2, await db.Phases.CountAsync());
        Assert.Equal(2, await db.Areas.CountAsync());
        Assert.Equal(5, await db.AreaUnits.CountAsync());
        Assert.Equal(3, await db.AreaTasks.CountAsync());
        var target = await db.Targets.SingleAsync();
        Assert.Equal(("fire-safety", 100m, new DateOnly(2022, 12, 31)), (target.AreaCode, target.Value, target.Deadline));
        Assert.All(await db.OrgUnits.ToListAsync(), unit => Assert.Equal(1, unit.Version));
        var fire = await db.AreaUnits.Where(u => u.AreaCode == "fire-safety").OrderBy(u => u.Position).ToListAsync();
        Assert.Equal(["city-fire-rescue", "city-emergency", "district-east"], fire.Select(u => u.OrgUnitCode));
        Assert.Equal([AreaUnitRole.Lead, AreaUnitRole.Co, AreaUnitRole.Co], fire.Select(u => u.Role));
    }

    [Fact]
    public async Task Importing_the_same_plan_again_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportAsync(database, SamplePlan.Create());

        var again = await ImportAsync(database, SamplePlan.Create());

        Assert.False(again.ChangedAnything);
        await using var db = database.CreateContext();
        Assert.Equal(4, await db.OrgUnits.CountAsync());
        Assert.Equal(2, await db.Areas.CountAsync());
        Assert.Equal(5, await db.AreaUnits.CountAsync());
        Assert.Equal(1, await db.Targets.CountAsync());
        Assert.All(await db.Areas.ToListAsync(), area => Assert.Equal(1, area.Version));
    }

    [Fact]
    public async Task Changed_names_and_values_are_updated_and_only_their_versions_move_on()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportAsync(database, SamplePlan.Create());
        var original = SamplePlan.Create();
        var changed = original with
        {
            OrgUnits = [.. original.OrgUnits.Select(u => u.Code == "city-emergency" ? u with { NameEn = "Emergency Management Bureau" } : u)],
            Areas =
            [
                original.Areas[0],
                original.Areas[1] with
                {
                    NameZh = "消防安全专项整治",
                    Targets = [original.Areas[1].Targets[0] with { Value = 95m }],
                },
            ],
        };

        var result = await ImportAsync(database, changed);

        Assert.Equal(0, result.Added);
        Assert.Equal(3, result.Updated);
        await using var db = database.CreateContext();
        var emergency = await db.OrgUnits.SingleAsync(u => u.Code == "city-emergency");
        Assert.Equal(("Emergency Management Bureau", 2L), (emergency.NameEn, emergency.Version));
        Assert.Equal(1, (await db.OrgUnits.SingleAsync(u => u.Code == "city-fire-rescue")).Version);
        var fire = await db.Areas.SingleAsync(a => a.Code == "fire-safety");
        Assert.Equal(("消防安全专项整治", 2L), (fire.NameZh, fire.Version));
        Assert.Equal(1, (await db.Areas.SingleAsync(a => a.Code == "topic-responsibility")).Version);
        var target = await db.Targets.SingleAsync();
        Assert.Equal((95m, 2L), (target.Value, target.Version));
    }

    [Fact]
    public async Task Area_units_follow_the_plan_and_new_entries_are_added()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportAsync(database, SamplePlan.Create());
        var original = SamplePlan.Create();
        var fire = original.Areas[1];
        var changed = original with
        {
            Areas =
            [
                original.Areas[0],
                fire with
                {
                    LeadUnits = ["city-fire-rescue", "city-emergency"],
                    CoUnits = [],
                    Tasks = [.. fire.Tasks, new PlanAreaTask { Number = 3, TextZh = "三是……", SummaryEn = "Third" }],
                },
            ],
        };

        var result = await ImportAsync(database, changed);

        Assert.Equal(1, result.Removed);
        await using var db = database.CreateContext();
        var units = await db.AreaUnits.Where(u => u.AreaCode == "fire-safety").OrderBy(u => u.Position).ToListAsync();
        Assert.Equal(["city-fire-rescue", "city-emergency"], units.Select(u => u.OrgUnitCode));
        Assert.All(units, unit => Assert.Equal(AreaUnitRole.Lead, unit.Role));
        Assert.Equal(3, await db.AreaTasks.CountAsync(t => t.AreaCode == "fire-safety"));
    }

    [Fact]
    public void A_plan_naming_an_unknown_unit_fails_validation_naming_the_area_and_target()
    {
        var original = SamplePlan.Create();
        var fire = original.Areas[1];
        var broken = original with
        {
            Areas =
            [
                original.Areas[0],
                fire with
                {
                    CoUnits = ["district-nowhere"],
                    Targets = [fire.Targets[0] with { ResponsibleUnit = "nobody" }],
                },
            ],
        };

        var result = new ImportCampaignPlanValidator().Validate(new ImportCampaignPlan(broken));

        Assert.Contains(result.Errors, e => e.PropertyName == "Plan.Areas[fire-safety]" && e.ErrorMessage.Contains("district-nowhere", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.PropertyName == "Plan.Areas[fire-safety].Targets[fire-complexes-2022]" && e.ErrorMessage.Contains("nobody", StringComparison.Ordinal));
        Assert.True(new ImportCampaignPlanValidator().Validate(new ImportCampaignPlan(SamplePlan.Create())).IsValid);
    }

    [Fact]
    public async Task The_file_hash_is_stored_with_the_import_and_cleared_by_an_import_without_one()
    {
        await using var database = await TestDatabase.CreateAsync();
        const string hash = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

        await using (var db = database.CreateContext())
        {
            var first = await new ImportCampaignPlanHandler(db).Handle(new ImportCampaignPlan(SamplePlan.Create(), hash), CancellationToken.None);
            Assert.Equal(0, first.Updated);
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(hash, await db.CampaignProfiles.Select(p => p.PlanSha256).SingleAsync());
        }

        // The same plan from elsewhere (no file): the counts say the plan changed nothing, and the next start imports its file again.
        var again = await ImportAsync(database, SamplePlan.Create());
        Assert.False(again.ChangedAnything);
        await using (var db = database.CreateContext())
        {
            Assert.Null(await db.CampaignProfiles.Select(p => p.PlanSha256).SingleAsync());
        }
    }
}
