using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Rules;
using WorkflowHub.Rules.Tests.Support;

namespace WorkflowHub.Rules.Tests.Ladders;

public sealed class TaskTests
{
    private static readonly DateTimeOffset Due = Build.Start;

    [Fact]
    public void An_overdue_task_reminds_its_unit_once_at_the_threshold()
    {
        var harness = new RuleHarness();
        harness.Tasks.Add(Build.Task(due: Due, unit: "U3"));

        Assert.Empty(harness.DecideAt(Due.AddDays(1).AddMinutes(-1)));
        var decision = Assert.Single(harness.DecideAt(Due.AddDays(1)));
        Assert.Equal(DecisionKind.Reminder, decision.Kind);
        Assert.Equal(SubjectType.Task, decision.SubjectType);
        Assert.Equal(RuleNames.TaskOverdueReminder, decision.RuleName);
        Assert.Equal("U3", decision.AddresseeUnitCode);
        Assert.Empty(harness.DecideAt(Due.AddDays(2)));
    }

    [Fact]
    public void A_completed_task_is_not_overdue()
    {
        var harness = new RuleHarness();
        harness.Tasks.Add(Build.Task(due: Due, completed: Due.AddDays(-1)));

        Assert.Empty(harness.EvaluateAt(Due.AddDays(5)));
    }
}
