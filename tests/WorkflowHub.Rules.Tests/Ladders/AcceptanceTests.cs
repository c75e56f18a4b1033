using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Rules;
using WorkflowHub.Rules.Tests.Support;

namespace WorkflowHub.Rules.Tests.Ladders;

public sealed class AcceptanceTests
{
    private static readonly DateTimeOffset Due = Build.Start.AddDays(30);

    [Fact]
    public void One_rejection_is_below_the_threshold()
    {
        var harness = new RuleHarness();
        harness.Hazards.Add(Build.Hazard(due: Due, rejections: 1));

        Assert.Empty(harness.EvaluateAt(Build.Start));
    }

    [Fact]
    public void Repeated_rejection_leads_to_an_interview_once()
    {
        var harness = new RuleHarness();
        harness.Hazards.Add(Build.Hazard(due: Due, rejections: 2));

        var decision = Assert.Single(harness.DecideAt(Build.Start));
        Assert.Equal(DecisionKind.Interview, decision.Kind);
        Assert.Equal(RuleNames.AcceptanceRepeatedRejectionInterview, decision.RuleName);
        Assert.Contains("2次不通过", decision.Reason.Chinese);

        harness.Hazards[0] = Build.Hazard(due: Due, rejections: 3);
        Assert.Empty(harness.DecideAt(Build.Start.AddDays(1)));
    }
}
