using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Rules;
using WorkflowHub.Rules.Tests.Support;

namespace WorkflowHub.Rules.Tests.Ladders;

public sealed class TargetLadderTests
{
    /// <summary>2021-04-01 01:00 Beijing time: the first day of the second quarter.</summary>
    private static readonly DateTimeOffset QuarterlyCheck = new(2021, 3, 31, 17, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset Deadline = new(2022, 12, 31, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_clock_knows_quarterly_check_days_in_local_time()
    {
        var policy = new RuleHarness().Policy;

        Assert.True(ClockFact.At(QuarterlyCheck, policy).IsQuarterlyCheck);
        Assert.False(ClockFact.At(QuarterlyCheck.AddHours(-2), policy).IsQuarterlyCheck);
        Assert.False(ClockFact.At(QuarterlyCheck.AddDays(1), policy).IsQuarterlyCheck);
        Assert.True(ClockFact.At(new DateTimeOffset(2021, 10, 1, 3, 0, 0, TimeSpan.FromHours(8)), policy).IsQuarterlyCheck);
    }

    [Fact]
    public void Behind_beyond_tolerance_at_a_quarterly_check_warns_the_lead_unit()
    {
        var harness = new RuleHarness();
        harness.Targets.Add(Build.Target(reported: 26.9m, unit: "U9"));

        var decision = Assert.Single(harness.DecideAt(QuarterlyCheck));

        Assert.Equal(DecisionKind.Warning, decision.Kind);
        Assert.Equal(SubjectType.Target, decision.SubjectType);
        Assert.Equal(RuleNames.TargetBehindWarning, decision.RuleName);
        Assert.Equal("U9", decision.AddresseeUnitCode);
        Assert.Contains("26.9", decision.Reason.Chinese);
        Assert.Contains("警示", decision.Reason.Chinese);
    }

    [Fact]
    public void Within_tolerance_is_not_behind()
    {
        var harness = new RuleHarness();
        harness.Targets.Add(Build.Target(reported: 27m));

        Assert.Empty(harness.EvaluateAt(QuarterlyCheck));
    }

    [Fact]
    public void Behind_is_only_checked_on_a_quarterly_check_day()
    {
        var harness = new RuleHarness();
        harness.Targets.Add(Build.Target(reported: 0m));

        Assert.Empty(harness.EvaluateAt(QuarterlyCheck.AddDays(1)));
        Assert.Empty(harness.EvaluateAt(QuarterlyCheck.AddDays(-1)));
        Assert.Single(harness.EvaluateAt(QuarterlyCheck));
    }

    [Fact]
    public void The_warning_does_not_fire_twice()
    {
        var harness = new RuleHarness();
        harness.Targets.Add(Build.Target(reported: 0m));

        Assert.Single(harness.DecideAt(QuarterlyCheck));
        Assert.Empty(harness.DecideAt(QuarterlyCheck.AddHours(1)));
        Assert.Empty(harness.DecideAt(new DateTimeOffset(2021, 7, 1, 1, 0, 0, TimeSpan.FromHours(8))));
    }

    [Fact]
    public void Missed_at_the_deadline_brings_a_circular_and_an_interview_and_not_before()
    {
        var harness = new RuleHarness();
        harness.Targets.Add(Build.Target(reported: 90m, deadline: Deadline));

        Assert.Empty(harness.DecideAt(Deadline.AddMinutes(-1)));
        var decisions = harness.DecideAt(Deadline);

        Assert.Equal([DecisionKind.Circular, DecisionKind.Interview], decisions.Select(d => d.Kind).Order());
        Assert.All(decisions, d => Assert.Equal(RuleNames.TargetMissedAtDeadline, d.RuleName));
        Assert.Empty(harness.DecideAt(Deadline.AddDays(1)));
    }

    [Fact]
    public void A_met_target_is_not_missed()
    {
        var harness = new RuleHarness();
        harness.Targets.Add(Build.Target(reported: 100m, deadline: Deadline));

        Assert.Empty(harness.EvaluateAt(Deadline.AddDays(200)));
    }

    [Fact]
    public void Missed_again_after_the_set_days_is_referred_for_accountability_once()
    {
        var harness = new RuleHarness();
        harness.Targets.Add(Build.Target(reported: 90m, deadline: Deadline));
        harness.DecideAt(Deadline);

        Assert.Empty(harness.DecideAt(Deadline.AddDays(90).AddMinutes(-1)));
        var decision = Assert.Single(harness.DecideAt(Deadline.AddDays(90)));
        Assert.Equal(DecisionKind.AccountabilityReferral, decision.Kind);
        Assert.Equal(RuleNames.TargetMissedAgainAccountability, decision.RuleName);
        Assert.Contains("90", decision.Reason.English);
        Assert.Empty(harness.DecideAt(Deadline.AddDays(91)));
    }

    [Fact]
    public void Climbs_one_rung_per_evaluation()
    {
        var harness = new RuleHarness();
        harness.Targets.Add(Build.Target(reported: 10m, deadline: Deadline));
        var late = Deadline.AddDays(400);

        Assert.Equal([DecisionKind.Circular, DecisionKind.Interview], harness.DecideAt(late).Select(d => d.Kind).Order());
        Assert.Empty(harness.DecideAt(late));
        Assert.Equal([DecisionKind.AccountabilityReferral], harness.DecideAt(late.AddDays(90)).Select(d => d.Kind));
    }

    [Fact]
    public void Expected_by_now_runs_linearly_from_start_to_deadline()
    {
        var start = new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var target = Build.Target(target: 100m, starts: start, deadline: start.AddDays(100));

        Assert.Equal(0m, TargetProgress.ExpectedValue(target, start.AddDays(-5)));
        Assert.Equal(25m, TargetProgress.ExpectedValue(target, start.AddDays(25)));
        Assert.Equal(100m, TargetProgress.ExpectedValue(target, start.AddDays(100)));
        Assert.Equal(100m, TargetProgress.ExpectedValue(target, start.AddDays(300)));
    }

    [Fact]
    public void Reduction_targets_progress_downwards_from_their_baseline()
    {
        var start = new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var target = Build.Target(baseline: 50m, target: 40m, reported: 48m, starts: start, deadline: start.AddDays(100));

        Assert.Equal(45m, TargetProgress.ExpectedValue(target, start.AddDays(50)));
        Assert.Equal(0.2m, target.AchievedFraction);
        Assert.True(target.IsBehindAt(start.AddDays(50), 0.1m));
        Assert.False(target.IsMet);
    }
}
