using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Rules;
using WorkflowHub.Rules.Tests.Support;

namespace WorkflowHub.Rules.Tests.Ladders;

public sealed class MajorHazardLadderTests
{
    private static readonly DateTimeOffset Graded = Build.Start.AddDays(-10);
    private static readonly DateTimeOffset Due = Build.Start.AddDays(20);

    [Fact]
    public void Listed_for_supervision_as_soon_as_graded_and_not_before()
    {
        var harness = new RuleHarness();
        harness.Hazards.Add(Build.Hazard(grade: HazardGrade.Major, graded: Graded, due: Due));

        Assert.Empty(harness.EvaluateAt(Graded.AddMinutes(-1)));
        var decision = Assert.Single(harness.DecideAt(Graded));
        Assert.Equal(DecisionKind.ListedSupervision, decision.Kind);
        Assert.Equal(RuleNames.MajorHazardListedSupervision, decision.RuleName);
        Assert.Contains("挂牌督办", decision.Reason.Chinese);
    }

    [Fact]
    public void An_ungraded_hazard_is_not_listed()
    {
        var harness = new RuleHarness();
        harness.Hazards.Add(Build.Hazard(grade: HazardGrade.Ungraded, due: Due));

        Assert.Empty(harness.EvaluateAt(Graded.AddDays(1)));
    }

    [Fact]
    public void Listing_does_not_fire_twice()
    {
        var harness = new RuleHarness();
        harness.Hazards.Add(Build.Hazard(grade: HazardGrade.Major, graded: Graded, due: Due));

        Assert.Single(harness.DecideAt(Graded.AddDays(1)));
        Assert.Empty(harness.DecideAt(Graded.AddDays(2)));
    }

    [Fact]
    public void Overdue_interview_fires_at_the_threshold_after_listing()
    {
        var harness = new RuleHarness();
        harness.Hazards.Add(Build.Hazard(grade: HazardGrade.Major, graded: Graded, due: Due));
        harness.DecideAt(Graded);

        Assert.Empty(harness.DecideAt(Due.AddDays(1).AddMinutes(-1)));
        var decision = Assert.Single(harness.DecideAt(Due.AddDays(1)));
        Assert.Equal(DecisionKind.Interview, decision.Kind);
        Assert.Equal(RuleNames.MajorHazardOverdueInterview, decision.RuleName);
        Assert.Empty(harness.DecideAt(Due.AddDays(2)));
    }

    [Fact]
    public void Climbs_one_rung_per_evaluation()
    {
        var harness = new RuleHarness();
        harness.Hazards.Add(Build.Hazard(grade: HazardGrade.Major, graded: Graded, due: Due));
        var late = Graded.AddDays(200);

        Assert.Equal([DecisionKind.ListedSupervision], harness.DecideAt(late).Select(d => d.Kind));
        Assert.Equal([DecisionKind.Interview], harness.DecideAt(late).Select(d => d.Kind));
        Assert.Equal([DecisionKind.AccountabilityReferral], harness.DecideAt(late).Select(d => d.Kind));
        Assert.Empty(harness.DecideAt(late.AddDays(1)));
    }

    [Fact]
    public void Long_unresolved_is_referred_for_accountability_at_the_threshold()
    {
        var harness = new RuleHarness();
        harness.Hazards.Add(Build.Hazard(grade: HazardGrade.Major, graded: Graded, due: Due));
        harness.DecideAt(Graded);
        Assert.Equal([DecisionKind.Interview], harness.DecideAt(Due.AddDays(1)).Select(d => d.Kind));

        Assert.Empty(harness.DecideAt(Graded.AddDays(180).AddMinutes(-1)));
        var decision = Assert.Single(harness.DecideAt(Graded.AddDays(180)));
        Assert.Equal(DecisionKind.AccountabilityReferral, decision.Kind);
        Assert.Contains("180", decision.Reason.English);
        Assert.Empty(harness.DecideAt(Graded.AddDays(181)));
    }

    [Fact]
    public void Unresolved_within_a_long_deadline_is_not_referred()
    {
        var harness = new RuleHarness();
        harness.Hazards.Add(Build.Hazard(grade: HazardGrade.Major, graded: Graded, due: Graded.AddDays(365)));
        harness.DecideAt(Graded);

        Assert.Empty(harness.DecideAt(Graded.AddDays(200)));
    }

    [Fact]
    public void A_closed_major_hazard_is_not_referred()
    {
        var harness = new RuleHarness();
        harness.Hazards.Add(Build.Hazard(grade: HazardGrade.Major, graded: Graded, due: Due, closed: Graded.AddDays(5)));
        harness.Decisions.Add(Build.Decision(DecisionKind.ListedSupervision, "H1", RuleNames.MajorHazardListedSupervision, Graded));

        Assert.Empty(harness.EvaluateAt(Graded.AddDays(300)));
    }
}
