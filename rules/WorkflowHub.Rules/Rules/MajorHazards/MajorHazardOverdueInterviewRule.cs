using NRules.Fluent.Dsl;
using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Policy;

namespace WorkflowHub.Rules.Rules.MajorHazards;

/// <summary>Rung 2: a listed major hazard goes overdue.</summary>
[Name(RuleNames.MajorHazardOverdueInterview)]
[Description("挂牌督办的重大隐患逾期达到约谈天数，约谈责任部门主要负责人。 | A listed major hazard overdue for the interview threshold: the responsible department's head is interviewed (约谈).")]
[Tag(RuleTags.MajorHazardLadder)]
[Tag(RuleTags.Rung2)]
[Tag(RuleTags.Penalty)]
[ReadsPolicy(PolicyKeys.MajorInterviewAfterDaysOverdue)]
public sealed class MajorHazardOverdueInterviewRule : Rule
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
                h => h.DaysOverdueAt(clock.Now) >= policy.MajorHazard.InterviewAfterDaysOverdue)
            .Exists<DecisionFact>(
                d => d.Kind == DecisionKind.ListedSupervision,
                d => d.SubjectType == SubjectType.Hazard,
                d => d.SubjectId == hazard.Id)
            .Not<IDecided>(
                d => d.RuleName == RuleNames.MajorHazardOverdueInterview,
                d => d.SubjectType == SubjectType.Hazard,
                d => d.SubjectId == hazard.Id);

        Then()
            .Do(ctx => Propose.Decision(ctx, clock, DecisionKind.Interview, SubjectType.Hazard, hazard.Id, hazard.ResponsibleUnitCode, Reason(hazard, clock, policy)));
    }

    private static DecisionReason Reason(HazardFact hazard, ClockFact clock, RulePolicy policy) => new(
        Propose.Text($"挂牌督办的重大隐患{hazard.Number}已逾期{hazard.DaysOverdueAt(clock.Now)}天（约谈阈值{policy.MajorHazard.InterviewAfterDaysOverdue}天），约谈责任部门{hazard.ResponsibleUnitCode}主要负责人。"),
        Propose.Text($"Listed major hazard {hazard.Number} is {hazard.DaysOverdueAt(clock.Now)} days overdue (interview threshold {policy.MajorHazard.InterviewAfterDaysOverdue} days); the head of the responsible department {hazard.ResponsibleUnitCode} is interviewed."));
}
