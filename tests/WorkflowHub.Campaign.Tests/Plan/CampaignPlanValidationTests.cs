using System.Text.Json.Nodes;
using WorkflowHub.Campaign.Plan;

namespace WorkflowHub.Campaign.Tests.Plan;

/// <summary>A broken plan is refused with a message that names the bad entry.</summary>
public sealed class CampaignPlanValidationTests
{
    private const string Source = "test-plan.json";

    private static CampaignPlanException Refused(string json) =>
        Assert.Throws<CampaignPlanException>(() => CampaignPlanLoader.Parse(json, Source));

    private static void AssertProblem(CampaignPlanException error, string expected)
    {
        Assert.Contains(expected, error.Problems);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(Source, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_unchanged_document_is_accepted()
    {
        var plan = CampaignPlanLoader.Parse(PlanDocument.With(_ => { }), Source);
        Assert.Equal(18, plan.Areas.Count);
    }

    [Fact]
    public void An_area_without_a_lead_is_refused()
    {
        var json = PlanDocument.With(plan => PlanDocument.Area(plan, "fire-safety")["leadUnits"] = new JsonArray());
        AssertProblem(Refused(json), "areas[5] (fire-safety): leadUnits must name at least one lead unit (牵头)");
    }

    [Fact]
    public void An_area_naming_an_unknown_unit_is_refused()
    {
        var json = PlanDocument.With(plan => PlanDocument.Area(plan, "hazardous-chemicals")["coUnits"]![1] = "city-nobody");
        AssertProblem(Refused(json), "areas[2] (hazardous-chemicals).coUnits[1] (city-nobody): co-responsible unit 'city-nobody' is not in orgUnits");
    }

    [Fact]
    public void A_target_owned_by_an_unknown_unit_is_refused()
    {
        var json = PlanDocument.With(plan =>
        {
            var area = PlanDocument.Area(plan, "civil-explosives");
            area["targets"]![0]!["responsibleUnit"] = "city-ghost-bureau";
        });
        AssertProblem(Refused(json),
            "areas[16] (civil-explosives).targets[0] (explosives-responsibility-system-2022): responsibleUnit 'city-ghost-bureau' is not in orgUnits");
    }

    [Fact]
    public void A_deadline_after_the_campaign_is_refused()
    {
        var index = 0;
        var json = PlanDocument.With(plan =>
        {
            var area = PlanDocument.Area(plan, "fire-safety");
            index = PlanDocument.TargetIndex(area, "fire-training-2021");
            area["targets"]![index]!["deadline"] = "2023-12-31";
        });
        AssertProblem(Refused(json),
            $"areas[5] (fire-safety).targets[{index}] (fire-training-2021): deadline 2023-12-31 is outside the campaign period 2020-06-01..2022-12-31");
    }

    [Fact]
    public void A_duplicate_org_unit_code_is_refused()
    {
        var json = PlanDocument.With(plan => plan["orgUnits"]![4]!["code"] = PlanOrgCodes.Emergency);
        AssertProblem(Refused(json), "orgUnits[4] (city-emergency): code 'city-emergency' is already used by orgUnits[1]");
    }

    [Fact]
    public void A_target_code_used_in_two_areas_is_refused()
    {
        var json = PlanDocument.With(plan => PlanDocument.Area(plan, "urban-gas")["targets"]![0]!["code"] = "fire-training-2020");
        var error = Refused(json);
        Assert.Contains(error.Problems, p => p.StartsWith("areas[11] (urban-gas).targets[0] (fire-training-2020): code 'fire-training-2020' is already used by areas[5].targets[", StringComparison.Ordinal));
    }

    [Fact]
    public void A_duplicate_area_code_is_refused()
    {
        var json = PlanDocument.With(plan => plan["areas"]![7]!["code"] = "road-traffic");
        AssertProblem(Refused(json), "areas[7] (road-traffic): code 'road-traffic' is already used by areas[6]");
    }

    [Fact]
    public void Malformed_json_is_refused_with_its_line()
    {
        var lines = PlanDocument.Original.Split('\n').ToList();
        var line = lines.FindIndex(l => l.Contains("\"nameZh\"", StringComparison.Ordinal));
        lines[line] = lines[line].Replace(":", "", StringComparison.Ordinal);
        var error = Refused(string.Join('\n', lines));
        Assert.Contains($"malformed JSON at line {line + 1}, byte ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_member_is_refused_with_its_path()
    {
        var json = PlanDocument.With(plan => PlanDocument.Area(plan, "coal-mines").Remove("leadUnits"));
        var error = Refused(json);
        Assert.DoesNotContain("malformed", error.Message, StringComparison.Ordinal);
        Assert.Contains("at $.areas[3]: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("'leadUnits'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_refused_with_its_path()
    {
        var json = PlanDocument.With(plan => plan["orgUnits"]![0]!["kind"] = "Office");
        Assert.Contains("at $.orgUnits[0].kind: ", Refused(json).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_member_is_refused_rather_than_ignored()
    {
        var json = PlanDocument.With(plan => PlanDocument.Area(plan, "coal-mines")["leadUnit"] = "city-emergency");
        var error = Refused(json);
        Assert.Contains("leadUnit", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.areas[3]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_or_over_100_percent_value_is_refused()
    {
        var json = PlanDocument.With(plan =>
        {
            var targets = PlanDocument.Area(plan, "hazardous-chemicals")["targets"]!;
            targets[0]!["value"] = -5;
            targets[1]!["value"] = 120;
        });
        var error = Refused(json);
        AssertProblem(error, "areas[2] (hazardous-chemicals).targets[0] (chemical-major-hazard-dual-system-2022): value -5 must not be negative");
        AssertProblem(error, "areas[2] (hazardous-chemicals).targets[1] (chemical-automation-in-use-2022): value 120 is more than 100 percent");
    }

    [Fact]
    public void An_unknown_unit_of_measure_is_refused()
    {
        var json = PlanDocument.With(plan => PlanDocument.Area(plan, "coal-mines")["targets"]![0]!["unit"] = "tonnes");
        Assert.Contains(Refused(json).Problems,
            p => p.StartsWith("areas[3] (coal-mines).targets[0] (yilan-no3-grade-one-mine): unit 'tonnes' is not one of ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_second_committee_office_is_refused()
    {
        var json = PlanDocument.With(plan => plan["orgUnits"]![2]!["kind"] = "CommitteeOffice");
        var error = Refused(json);
        AssertProblem(error, "orgUnits: orgUnits must hold exactly one CommitteeOffice; found 2");
        AssertProblem(error, "orgUnits[2] (city-fire-rescue): code 'city-fire-rescue' of the CommitteeOffice must be 'city-safety-office'");
    }

    [Fact]
    public void A_district_code_without_its_prefix_is_refused()
    {
        var json = PlanDocument.With(plan =>
        {
            var daoli = plan["orgUnits"]!.AsArray().Single(u => (string?)u!["code"] == "district-daoli")!;
            daoli["code"] = "daoli";
        });
        Assert.Contains(Refused(json).Problems, p => p.EndsWith("(daoli): code 'daoli' of a District must start with 'district-'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_parent_unit_that_is_not_listed_is_refused()
    {
        var json = PlanDocument.With(plan =>
        {
            var mine = plan["orgUnits"]!.AsArray().Single(u => (string?)u!["kind"] == "Enterprise")!;
            mine["parentCode"] = "district-atlantis";
        });
        Assert.Contains(Refused(json).Problems, p => p.EndsWith("(enterprise-yilan-no3-mine): parentCode 'district-atlantis' is not in orgUnits", StringComparison.Ordinal));
    }

    [Fact]
    public void A_gap_between_phases_is_refused()
    {
        var json = PlanDocument.With(plan => plan["phases"]![2]!["start"] = "2021-02-01");
        AssertProblem(Refused(json),
            "phases[2] (concentrated-assault): start 2021-02-01 leaves a gap after phases[1] (investigation-rectification), which ends 2020-12-31");
    }

    [Fact]
    public void Phases_out_of_order_are_refused()
    {
        var json = PlanDocument.With(plan =>
        {
            var phases = plan["phases"]!.AsArray();
            var third = phases[2]!;
            phases.RemoveAt(2);
            phases.Insert(1, third);
        });
        var error = Refused(json);
        AssertProblem(error, "phases[1] (concentrated-assault): order 3 should be 2: phases are listed in order 1, 2, 3 …");
        AssertProblem(error, "phases[2] (investigation-rectification): 2020-07-01..2020-12-31 does not follow phases[1] (concentrated-assault) 2021-01-01..2021-12-31");
    }

    [Fact]
    public void A_phase_outside_the_campaign_is_refused()
    {
        var json = PlanDocument.With(plan => plan["phases"]![3]!["end"] = "2023-06-30");
        AssertProblem(Refused(json), "phases[3] (consolidation): end 2023-06-30 is outside the campaign period 2020-06-01..2022-12-31");
    }

    [Fact]
    public void Areas_and_tasks_out_of_sequence_are_refused()
    {
        var json = PlanDocument.With(plan =>
        {
            plan["areas"]![1]!["number"] = 7;
            plan["areas"]![0]!["tasks"]![1]!["number"] = 5;
        });
        var error = Refused(json);
        AssertProblem(error, "areas[1] (enterprise-responsibility): number 7 should be 2: areas are numbered 1, 2, 3 … in the plan's order");
        AssertProblem(error, "areas[0] (study-safety-thought).tasks[1] (task 5): number 5 should be 2: tasks are numbered 1, 2, 3 … in order");
    }

    [Fact]
    public void Empty_names_are_refused()
    {
        var json = PlanDocument.With(plan =>
        {
            plan["campaign"]!["nameZh"] = " ";
            plan["orgUnits"]![0]!["nameEn"] = "";
        });
        var error = Refused(json);
        AssertProblem(error, "campaign: nameZh must not be empty");
        AssertProblem(error, "orgUnits[0] (city-safety-office): nameEn must not be empty");
    }

    [Fact]
    public void A_missing_file_is_refused_with_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-plan-{Guid.NewGuid():N}.json");
        var error = Assert.Throws<CampaignPlanException>(() => CampaignPlanLoader.LoadFromFile(path));
        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be read", error.Message, StringComparison.Ordinal);
    }
}
