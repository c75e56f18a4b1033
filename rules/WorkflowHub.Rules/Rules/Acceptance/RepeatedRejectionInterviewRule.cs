using NRules.Fluent.Dsl;
using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Policy;

namespace WorkflowHub.Rules.Rules.Acceptance;

/// <summary>Rectification not up to standard (整改不到位): acceptance rejected it again and again.</summary>
[Name(RuleNames.AcceptanceRepeatedRejectionInterview)]
[Description("隐患整改验收多次不通过（整改不到位），约谈责任单位主要负责人。 | Acceptance has rejected a hazard's rectification the given number of times (整改不到位): the responsible unit's head is interviewed (约谈).")]
[Tag(RuleTags.AcceptanceLadder)]
[Tag(RuleTags.Rung1)]
[Tag(RuleTags.Penalty)]
[ReadsPolicy(PolicyKeys.AcceptanceRejectionsForInterview)]
public sealed class RepeatedRejectionInterviewRule : Rule
{
    public override void Define()
    {
        ClockFact clock = null!;
        RulePolicy policy = null!;
        HazardFact hazard = null!;

        When()
            .Match(() => clock)
            .Match(() => policy)
            .Match(
                () => hazard,
                h => h.IsOpen,
                h => h.RejectionCount > 0,
                h => h.RejectionCount >= policy.Acceptance.RejectionsForInterview)
            .Not<IDecided>(
                d => d.RuleName == RuleNames.AcceptanceRepeatedRejectionInterview,
                d => d.SubjectType == SubjectType.Hazard,
                d => d.SubjectId == hazard.Id);

        Then()
            .Do(ctx => Propose.Decision(ctx, clock, DecisionKind.Interview, SubjectType.Hazard, hazard.Id, hazard.ResponsibleUnitCode, Reason(hazard, policy)));
    }

    private static DecisionReason Reason(HazardFact hazard, RulePolicy policy) => new(
        Propose.Text($"隐患{hazard.Number}整改验收已{hazard.RejectionCount}次不通过（阈值{policy.Acceptance.RejectionsForInterview}次），整改不到位，约谈责任单位{hazard.ResponsibleUnitCode}主要负责人。"),
        Propose.Text($"Acceptance has rejected the rectification of hazard {hazard.Number} {hazard.RejectionCount} times (threshold {policy.Acceptance.RejectionsForInterview}); the head of the responsible unit {hazard.ResponsibleUnitCode} is interviewed."));
}
