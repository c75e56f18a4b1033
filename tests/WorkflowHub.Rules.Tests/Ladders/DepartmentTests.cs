using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Rules;
using WorkflowHub.Rules.Tests.Support;

namespace WorkflowHub.Rules.Tests.Ladders;

public sealed class DepartmentTests
{
    private static readonly DateTimeOffset Now = Build.Start.AddDays(100);

    private static RuleHarness WithInterviews(params int[] daysAgo)
    {
        var harness = new RuleHarness();
        harness.Departments.Add(Build.Department("U1"));
        harness.Departments.Add(Build.Department("U2"));
        for (var i = 0; i < daysAgo.Length; i++)
        {
            harness.Decisions.Add(Build.Decision(DecisionKind.Interview, $"OLD{i}", RuleNames.GeneralHazardInterviewAndCircular, Now.AddDays(-daysAgo[i])));
        }

        // An overdue hazard of the unit whose own ladder is already exhausted, so only the department rule can fire.
        harness.Hazards.Add(Build.Hazard(id: "H1", due: Now.AddDays(-20), unit: "U1"));
        foreach (var (kind, rule) in new[]
        {
            (DecisionKind.Reminder, RuleNames.GeneralHazardReminder),
            (DecisionKind.SupervisionNotice, RuleNames.GeneralHazardSupervision),
            (DecisionKind.Circular, RuleNames.GeneralHazardInterviewAndCircular),
        })
        {
            harness.Decisions.Add(Build.Decision(kind, "H1", rule, Now.AddDays(-1)));
        }

        return harness;
    }

    [Fact]
    public void Interviewed_repeatedly_while_still_overdue_is_referred_to_discipline_inspection()
    {
        var harness = WithInterviews(10, 100, 300);

        var decision = Assert.Single(harness.DecideAt(Now));

        Assert.Equal(DecisionKind.DisciplineReferral, decision.Kind);
        Assert.Equal(SubjectType.Department, decision.SubjectType);
        Assert.Equal("U1", decision.SubjectId);
        Assert.Equal(RuleNames.DepartmentRepeatedInterviewReferral, decision.RuleName);
        Assert.Contains("3次", decision.Reason.Chinese);
        Assert.Contains("纪检监察", decision.Reason.Chinese);
    }

    [Fact]
    public void Fewer_interviews_than_the_threshold_is_not_enough()
    {
        Assert.Empty(WithInterviews(10, 100).EvaluateAt(Now));
    }

    [Fact]
    public void Interviews_outside_the_window_do_not_count()
    {
        Assert.Empty(WithInterviews(10, 100, 366).EvaluateAt(Now));
    }

    [Fact]
    public void No_referral_once_nothing_is_overdue()
    {
        var harness = WithInterviews(10, 100, 300);
        harness.Hazards[0] = Build.Hazard(id: "H1", due: Now.AddDays(-20), unit: "U1", rectified: Now.AddDays(-2));

        Assert.Empty(harness.EvaluateAt(Now));
    }

    [Fact]
    public void Several_overdue_hazards_still_make_one_referral_and_it_does_not_fire_twice()
    {
        var harness = WithInterviews(10, 100, 300);
        harness.Hazards.Add(Build.Hazard(id: "H2", due: Now.AddDays(-20), unit: "U1"));
        harness.Decisions.Add(Build.Decision(DecisionKind.Reminder, "H2", RuleNames.GeneralHazardReminder, Now.AddDays(-1)));
        harness.Decisions.Add(Build.Decision(DecisionKind.SupervisionNotice, "H2", RuleNames.GeneralHazardSupervision, Now.AddDays(-1)));
        harness.Decisions.Add(Build.Decision(DecisionKind.Circular, "H2", RuleNames.GeneralHazardInterviewAndCircular, Now.AddDays(-1)));

        var first = harness.DecideAt(Now).Where(d => d.SubjectType == SubjectType.Department).ToList();
        Assert.Single(first);
        Assert.DoesNotContain(harness.DecideAt(Now.AddDays(1)), d => d.SubjectType == SubjectType.Department);
    }
}
