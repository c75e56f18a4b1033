using WorkflowHub.Campaign.Plan;

namespace WorkflowHub.Campaign.Tests.Plan;

/// <summary>The real <c>workflows/campaign-plan.json</c> loads and says what the plan says.</summary>
public sealed class CampaignPlanFileTests
{
    private static readonly Lazy<CampaignPlan> Loaded = new(() => CampaignPlanLoader.LoadFromFile(RepositoryFiles.CampaignPlanPath));

    private static CampaignPlan Plan => Loaded.Value;

    private static PlanArea Area(string code) => Assert.Single(Plan.Areas, a => a.Code == code);

    private static PlanTarget Target(string code) => Assert.Single(Plan.Areas.SelectMany(a => a.Targets), t => t.Code == code);

    [Fact]
    public void Campaign_runs_from_June_2020_to_December_2022()
    {
        Assert.Equal(new DateOnly(2020, 6, 1), Plan.Campaign.Start);
        Assert.Equal(new DateOnly(2022, 12, 31), Plan.Campaign.End);
        Assert.Contains("安全生产专项整治三年行动", Plan.Campaign.NameZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Four_phases_carry_the_plans_dates()
    {
        var phases = Plan.Phases.Select(p => (p.Order, p.NameZh, p.Start, p.End)).ToList();
        Assert.Equal(
            [
                (1, "动员部署", new DateOnly(2020, 6, 1), new DateOnly(2020, 7, 31)),
                (2, "排查整治", new DateOnly(2020, 7, 1), new DateOnly(2020, 12, 31)),
                (3, "集中攻坚", new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 31)),
                (4, "巩固提升", new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31)),
            ],
            phases);
    }

    [Fact]
    public void Two_topics_come_first_then_sixteen_sectors_numbered_one_to_eighteen()
    {
        Assert.Equal(18, Plan.Areas.Count);
        Assert.Equal(Enumerable.Range(1, 18), Plan.Areas.Select(a => a.Number));
        Assert.All(Plan.Areas.Take(2), a => Assert.Equal(AreaKind.Topic, a.Kind));
        Assert.All(Plan.Areas.Skip(2), a => Assert.Equal(AreaKind.Sector, a.Kind));
        Assert.Equal(16, Plan.Areas.Count(a => a.Kind == AreaKind.Sector));
        Assert.Equal("消防安全整治", Area("fire-safety").NameZh);
        Assert.Equal(6, Area("fire-safety").Number);
    }

    [Fact]
    public void Every_area_has_a_known_lead_and_tasks_numbered_from_one()
    {
        var units = Plan.OrgUnits.Select(u => u.Code).ToHashSet();
        Assert.All(Plan.Areas, area =>
        {
            Assert.NotEmpty(area.LeadUnits);
            Assert.All(area.LeadUnits.Concat(area.CoUnits), code => Assert.Contains(code, units));
            Assert.Equal(Enumerable.Range(1, area.Tasks.Count), area.Tasks.Select(t => t.Number));
            Assert.All(area.Tasks, t => Assert.False(string.IsNullOrWhiteSpace(t.TextZh)));
        });
        Assert.Equal([PlanOrgCodes.FireRescue], Area("fire-safety").LeadUnits);
        Assert.Equal(["city-public-security"], Area("road-traffic").LeadUnits);
        Assert.Equal(13, Area("transport").Tasks.Count);
        Assert.Equal(9, Area("fire-safety").Tasks.Count);
    }

    [Fact]
    public void Every_target_is_due_inside_the_campaign_and_owned_by_a_known_unit()
    {
        var units = Plan.OrgUnits.Select(u => u.Code).ToHashSet();
        var targets = Plan.Areas.SelectMany(a => a.Targets).ToList();
        Assert.NotEmpty(targets);
        Assert.All(targets, t =>
        {
            Assert.InRange(t.Deadline, Plan.Campaign.Start, Plan.Campaign.End);
            Assert.Contains(t.ResponsibleUnit, units);
            Assert.True(t.Value >= 0);
        });
        Assert.Equal(targets.Count, targets.Select(t => t.Code).Distinct().Count());
    }

    [Fact]
    public void Large_commercial_complexes_reach_80_percent_in_2021_and_100_percent_in_2022()
    {
        var complexes = Area("fire-safety").Targets
            .Where(t => t.MeasureZh.Contains("大型商业综合体", StringComparison.Ordinal))
            .OrderBy(t => t.Deadline)
            .Select(t => (t.Value, t.Unit, t.Deadline, t.ResponsibleUnit))
            .ToList();
        Assert.Equal(
            [
                (80m, TargetUnits.Percent, new DateOnly(2021, 12, 31), PlanOrgCodes.FireRescue),
                (100m, TargetUnits.Percent, new DateOnly(2022, 12, 31), PlanOrgCodes.FireRescue),
            ],
            complexes);
    }

    [Fact]
    public void Fire_safety_training_covers_40_80_and_100_percent_of_key_groups_by_year()
    {
        var training = Area("fire-safety").Targets
            .Where(t => t.MeasureZh.Contains("培训", StringComparison.Ordinal))
            .OrderBy(t => t.Deadline)
            .Select(t => (t.Value, t.Deadline))
            .ToList();
        Assert.Equal(
            [(40m, new DateOnly(2020, 12, 31)), (80m, new DateOnly(2021, 12, 31)), (100m, new DateOnly(2022, 12, 31))],
            training);
        Assert.Equal("fire-training-2021", Assert.Single(Area("fire-safety").Targets, t => t.Value == 80m && t.Deadline.Year == 2021 && t.MeasureZh.Contains("培训", StringComparison.Ordinal)).Code);
    }

    [Fact]
    public void Underground_spaces_and_explicit_percentages_elsewhere_are_targets()
    {
        Assert.Equal(70m, Target("fire-underground-space-2021").Value);
        Assert.Equal(75m, Target("qualified-inspectors-2022").Value);
        Assert.Equal(new DateOnly(2022, 12, 31), Target("qualified-inspectors-2022").Deadline);
        Assert.Equal(100m, Target("park-supervision-platform-2022").Value);
        Assert.Equal(new DateOnly(2020, 7, 31), Target("fire-old-premises-2020").Deadline);
        Assert.Equal(3m, Target("fire-metro-small-stations-2022").Value);
        Assert.Equal(TargetUnits.Count, Target("fire-metro-small-stations-2022").Unit);
    }

    [Fact]
    public void The_committee_office_emergency_bureau_and_fire_detachment_have_fixed_codes()
    {
        var office = Assert.Single(Plan.OrgUnits, u => u.Kind == OrgUnitKind.CommitteeOffice);
        Assert.Equal(PlanOrgCodes.SafetyOffice, office.Code);
        Assert.Equal("市安委会办公室", office.NameZh);
        Assert.Equal("市应急管理局", Assert.Single(Plan.OrgUnits, u => u.Code == PlanOrgCodes.Emergency).NameZh);
        Assert.Equal("市消防救援支队", Assert.Single(Plan.OrgUnits, u => u.Code == PlanOrgCodes.FireRescue).NameZh);
    }

    [Fact]
    public void Harbins_nine_districts_and_nine_counties_are_org_units()
    {
        var districts = Plan.OrgUnits.Where(u => u.Kind == OrgUnitKind.District).ToList();
        Assert.Equal(18, districts.Count);
        Assert.All(districts, d => Assert.StartsWith(PlanOrgCodes.DistrictPrefix, d.Code, StringComparison.Ordinal));
        Assert.Equal(9, districts.Count(d => d.NameZh.EndsWith('区')));
        Assert.Contains(districts, d => d.Code == "district-daoli" && d.NameZh == "道里区");
        Assert.Contains(districts, d => d.Code == "district-yilan" && d.NameZh == "依兰县");
        Assert.Contains(districts, d => d.Code == "district-wuchang" && d.NameZh == "五常市");
        var mine = Assert.Single(Plan.OrgUnits, u => u.Kind == OrgUnitKind.Enterprise);
        Assert.Equal("district-yilan", mine.ParentCode);
    }

    [Fact]
    public void Every_department_named_as_responsible_is_listed()
    {
        var names = Plan.OrgUnits.Select(u => u.NameZh).ToHashSet();
        string[] named = ["市委组织部", "市委宣传部", "市委编办", "市发改委", "市工信局", "市住建局", "市交通运输局", "市市场监管局",
            "市教育局", "市公安局", "市财政局", "市生态环境局", "市邮政管理局", "市城市管理局", "哈尔滨海事局", "市人防办", "市民宗局"];
        Assert.All(named, name => Assert.Contains(name, names));
    }

    [Fact]
    public void Chinese_text_is_in_simplified_characters()
    {
        // Traditional forms that occur in the source plan; none may survive the conversion.
        const string traditional = "應專產險隊發會關於為書動務區國實數據設災爭們條臺衝裡復後與標檢測監環機構責總體點對應報優";
        var json = File.ReadAllText(RepositoryFiles.CampaignPlanPath);
        var leftovers = json.Where(c => traditional.Contains(c, StringComparison.Ordinal)).Distinct().ToArray();
        Assert.Empty(leftovers);
        Assert.DoesNotContain('『', json);
        Assert.Contains("打通消防生命通道工程", Area("fire-safety").Tasks[0].TextZh, StringComparison.Ordinal);
    }
}
