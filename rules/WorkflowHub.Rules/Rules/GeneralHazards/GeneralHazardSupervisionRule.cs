using NRules.Fluent.Dsl;
using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Policy;

namespace WorkflowHub.Rules.Rules.GeneralHazards;

/// <summary>Rung 2: reminded earlier and still overdue past the supervision threshold.</summary>
[Name(RuleNames.GeneralHazardSupervision)]
[Description("一般隐患已提醒仍逾期达到督办天数，向责任部门发出督办通知。 | A general hazard already reminded and still overdue for the supervision threshold: a supervision notice (督办) goes to the responsible department.")]
[Tag(RuleTags.GeneralHazardLadder)]
[Tag(RuleTags.Rung2)]
[Tag(RuleTags.Penalty)]
[ReadsPolicy(PolicyKeys.GeneralSupervisionAfterDaysOverdue)]
public sealed class GeneralHazardSupervisionRule : Rule
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
                h => h.Grade != HazardGrade.Major,
                h => h.IsOpen,
                h => h.DaysOverdueAt(clock.Now) >= policy.GeneralHazard.SupervisionAfterDaysOverdue)
            .Exists<DecisionFact>(
                d => d.Kind == DecisionKind.Reminder,
                d => d.SubjectType == SubjectType.Hazard,
                d => d.SubjectId == hazard.Id)
            .Not<IDecided>(
                d => d.RuleName == RuleNames.GeneralHazardSupervision,
                d => d.SubjectType == SubjectType.Hazard,
                d => d.SubjectId == hazard.Id);

        Then()
            .Do(ctx => Propose.Decision(ctx, clock, DecisionKind.SupervisionNotice, SubjectType.Hazard, hazard.Id, hazard.ResponsibleUnitCode, Reason(hazard, clock, policy)));
    }

    private static DecisionReason Reason(HazardFact hazard, ClockFact clock, RulePolicy policy) => new(
        Propose.Text($"隐患{hazard.Number}经提醒后仍逾期{hazard.DaysOverdueAt(clock.Now)}天（督办阈值{policy.GeneralHazard.SupervisionAfterDaysOverdue}天），向责任部门{hazard.ResponsibleUnitCode}督办。"),
        Propose.Text($"Hazard {hazard.Number} is still {hazard.DaysOverdueAt(clock.Now)} days overdue after a reminder (supervision threshold {policy.GeneralHazard.SupervisionAfterDaysOverdue} days); a supervision notice goes to the responsible department {hazard.ResponsibleUnitCode}."));
}
