using NRules.Fluent.Dsl;
using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Policy;

namespace WorkflowHub.Rules.Rules.MajorHazards;

/// <summary>Rung 1 of the major-hazard ladder: listed for supervision as soon as it is graded major.</summary>
[Name(RuleNames.MajorHazardListedSupervision)]
[Description("隐患一经定为重大隐患，即挂牌督办。 | A hazard graded major is listed for supervision (挂牌督办) at once.")]
[Tag(RuleTags.MajorHazardLadder)]
[Tag(RuleTags.Rung1)]
[ReadsPolicy(PolicyKeys.CalendarUtcOffsetHours)]
public sealed class MajorHazardListedSupervisionRule : Rule
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
                h => h.Grade == HazardGrade.Major,
                h => h.IsOpen,
                h => h.GradedAt != null,
                h => h.GradedAt <= clock.Now)
            .Not<IDecided>(
                d => d.RuleName == RuleNames.MajorHazardListedSupervision,
                d => d.SubjectType == SubjectType.Hazard,
                d => d.SubjectId == hazard.Id);

        Then()
            .Do(ctx => Propose.Decision(ctx, clock, DecisionKind.ListedSupervision, SubjectType.Hazard, hazard.Id, hazard.ResponsibleUnitCode, Reason(hazard, policy)));
    }

    private static DecisionReason Reason(HazardFact hazard, RulePolicy policy) => new(
        Propose.Text($"隐患{hazard.Number}于{Propose.Date(hazard.GradedAt!.Value, policy)}定为重大隐患，对责任单位{hazard.ResponsibleUnitCode}挂牌督办。"),
        Propose.Text($"Hazard {hazard.Number} was graded major on {Propose.Date(hazard.GradedAt!.Value, policy)}; it is listed for supervision with the responsible unit {hazard.ResponsibleUnitCode}."));
}
