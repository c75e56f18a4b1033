using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Rules;
using WorkflowHub.Rules.Tests.Support;

namespace WorkflowHub.Rules.Tests.Ladders;

public sealed class AccidentAndSelfReportTests
{
    private static readonly DateTimeOffset Reported = Build.Start.AddDays(-20);
    private static readonly DateTimeOffset Due = Build.Start.AddDays(10);

    [Fact]
    public void A_hazard_linked_to_an_accident_goes_to_the_judicial_authorities_once()
    {
        var harness = new RuleHarness();
        harness.Hazards.Add(Build.Hazard(due: Due, accident: true, closed: Build.Start.AddDays(-1)));

        var decision = Assert.Single(harness.DecideAt(Build.Start));
        Assert.Equal(DecisionKind.JudicialReferral, decision.Kind);
        Assert.Equal(RuleNames.AccidentJudicialReferral, decision.RuleName);
        Assert.Empty(harness.DecideAt(Build.Start.AddDays(1)));
    }

    [Fact]
    public void Self_reported_and_rectified_in_time_earns_guidance_not_a_penalty()
    {
        var harness = new RuleHarness();
        harness.Hazards.Add(Build.Hazard(source: HazardSource.SelfInspection, reported: Reported, due: Due, rectified: Reported.AddDays(30)));

        var decision = Assert.Single(harness.DecideAt(Due.AddDays(5)));
        Assert.Equal(DecisionKind.FollowUpGuidance, decision.Kind);
        Assert.Equal(RuleNames.SelfReportedFollowUpGuidance, decision.RuleName);
        Assert.Contains("跟踪指导服务", decision.Reason.Chinese);
        Assert.Empty(harness.DecideAt(Due.AddDays(6)));
    }

    [Fact]
    public void Guidance_is_not_given_before_the_rectification_happens()
    {
        var harness = new RuleHarness();
        harness.Hazards.Add(Build.Hazard(source: HazardSource.SelfInspection, reported: Reported, due: Due, rectified: Reported.AddDays(25)));

        Assert.Empty(harness.EvaluateAt(Reported.AddDays(25).AddMinutes(-1)));
        Assert.Single(harness.EvaluateAt(Reported.AddDays(25)));
    }

    [Fact]
    public void Rectified_after_the_threshold_days_or_the_deadline_earns_no_guidance()
    {
        var harness = new RuleHarness();
        harness.Hazards.Add(Build.Hazard(id: "H1", source: HazardSource.SelfInspection, reported: Reported, due: Reported.AddDays(60), rectified: Reported.AddDays(31)));
        harness.Hazards.Add(Build.Hazard(id: "H2", source: HazardSource.SelfInspection, reported: Reported, due: Reported.AddDays(10), rectified: Reported.AddDays(11)));

        Assert.Empty(harness.EvaluateAt(Reported.AddDays(40)));
    }

    [Fact]
    public void Hazards_found_by_inspection_earn_no_guidance()
    {
        var harness = new RuleHarness();
        harness.Hazards.Add(Build.Hazard(source: HazardSource.Inspection, reported: Reported, due: Due, rectified: Reported.AddDays(5)));

        Assert.Empty(harness.EvaluateAt(Due));
    }
}
