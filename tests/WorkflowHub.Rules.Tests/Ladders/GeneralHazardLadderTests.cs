using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Policy;
using WorkflowHub.Rules.Rules;
using WorkflowHub.Rules.Tests.Support;

namespace WorkflowHub.Rules.Tests.Ladders;

public sealed class GeneralHazardLadderTests
{
    private static readonly DateTimeOffset Due = Build.Start;

    [Fact]
    public void Reminder_does_not_fire_before_the_threshold()
    {
        var harness = new RuleHarness();
        harness.Hazards.Add(Build.Hazard(due: Due));

        Assert.Empty(harness.EvaluateAt(Due.AddHours(-1)));
        Assert.Empty(harness.EvaluateAt(Due.AddDays(1).AddMinutes(-1)));
    }

    [Fact]
    public void Reminder_fires_at_the_threshold_addressed_to_the_responsible_unit()
    {
        var harness = new RuleHarness();
        harness.Hazards.Add(Build.Hazard(due: Due, unit: "U7"));

        var decision = Assert.Single(harness.EvaluateAt(Due.AddDays(1)));

        Assert.Equal(DecisionKind.Reminder, decision.Kind);
        Assert.Equal(RuleNames.GeneralHazardReminder, decision.RuleName);
        Assert.Equal("U7", decision.AddresseeUnitCode);
        Assert.Equal(Due.AddDays(1), decision.DecidedAt);
        Assert.Contains("已逾期1天", decision.Reason.Chinese);
        Assert.Contains("1 days overdue", decision.Reason.English);
    }

    [Fact]
    public void Reminder_does_not_fire_twice()
    {
        var harness = new RuleHarness();
        harness.Hazards.Add(Build.Hazard(due: Due));

        Assert.Single(harness.DecideAt(Due.AddDays(1)));
        Assert.Empty(harness.DecideAt(Due.AddDays(2)));
        Assert.Empty(harness.DecideAt(Due.AddDays(3)));
    }

    [Fact]
    public void Supervision_waits_for_its_threshold_even_after_a_reminder()
    {
        var harness = new RuleHarness();
        harness.Hazards.Add(Build.Hazard(due: Due));
        harness.DecideAt(Due.AddDays(1));

        Assert.Empty(harness.DecideAt(Due.AddDays(7).AddMinutes(-1)));
        var decision = Assert.Single(harness.DecideAt(Due.AddDays(7)));
        Assert.Equal(DecisionKind.SupervisionNotice, decision.Kind);
        Assert.Empty(harness.DecideAt(Due.AddDays(8)));
    }

    [Fact]
    public void Supervision_needs_an_earlier_reminder()
    {
        var harness = new RuleHarness();
        harness.Hazards.Add(Build.Hazard(due: Due));

        var decisions = harness.EvaluateAt(Due.AddDays(10));

        Assert.Equal([DecisionKind.Reminder], decisions.Select(d => d.Kind));
    }

    [Fact]
    public void Climbs_exactly_one_rung_per_evaluation_however_late_it_is()
    {
        var harness = new RuleHarness();
        harness.Hazards.Add(Build.Hazard(due: Due));
        var late = Due.AddDays(40);

        Assert.Equal([DecisionKind.Reminder], harness.DecideAt(late).Select(d => d.Kind));
        Assert.Equal([DecisionKind.SupervisionNotice], harness.DecideAt(late).Select(d => d.Kind));
        Assert.Equal(
            [DecisionKind.Circular, DecisionKind.Interview],
            harness.DecideAt(late).Select(d => d.Kind).Order());
        Assert.Empty(harness.DecideAt(late));
        Assert.Empty(harness.DecideAt(late.AddDays(30)));
    }

    [Fact]
    public void Interview_and_circular_fire_at_the_interview_threshold_and_not_before()
    {
        var harness = new RuleHarness();
        harness.Hazards.Add(Build.Hazard(due: Due));
        harness.DecideAt(Due.AddDays(1));
        harness.DecideAt(Due.AddDays(7));

        Assert.Empty(harness.DecideAt(Due.AddDays(15).AddMinutes(-1)));
        var decisions = harness.DecideAt(Due.AddDays(15));

        Assert.Equal(2, decisions.Count);
        Assert.All(decisions, d => Assert.Equal(RuleNames.GeneralHazardInterviewAndCircular, d.RuleName));
        Assert.Contains(decisions, d => d.Kind == DecisionKind.Interview && d.Reason.Chinese.Contains("约谈", StringComparison.Ordinal));
        Assert.Contains(decisions, d => d.Kind == DecisionKind.Circular && d.Reason.Chinese.Contains("通报", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rectified_or_closed_hazard_is_not_overdue()
    {
        var harness = new RuleHarness();
        harness.Hazards.Add(Build.Hazard(id: "H1", due: Due, rectified: Due.AddDays(-1)));
        harness.Hazards.Add(Build.Hazard(id: "H2", due: Due, closed: Due.AddDays(-1)));

        Assert.Empty(harness.EvaluateAt(Due.AddDays(20)));
    }

    [Fact]
    public void Major_hazards_do_not_climb_the_general_ladder()
    {
        var harness = new RuleHarness();
        harness.Hazards.Add(Build.Hazard(grade: HazardGrade.Major, due: Due));

        Assert.DoesNotContain(harness.EvaluateAt(Due.AddDays(3)), d => d.RuleName.StartsWith("GeneralHazard.", StringComparison.Ordinal));
    }

    [Fact]
    public void Thresholds_come_from_the_policy()
    {
        var harness = new RuleHarness(Policies.With(PolicyKeys.GeneralReminderAfterDaysOverdue, 4));
        Assert.Equal(4, harness.Policy.GeneralHazard.ReminderAfterDaysOverdue);
        harness.Hazards.Add(Build.Hazard(due: Due));

        Assert.Empty(harness.EvaluateAt(Due.AddDays(3)));
        Assert.Single(harness.EvaluateAt(Due.AddDays(4)));
    }
}
