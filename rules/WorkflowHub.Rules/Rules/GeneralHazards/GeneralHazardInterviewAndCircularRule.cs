using NRules.Fluent.Dsl;
using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Policy;

namespace WorkflowHub.Rules.Rules.GeneralHazards;

/// <summary>Rung 3: supervised earlier and still overdue past the interview threshold; one firing, two measures.</summary>
[Name(RuleNames.GeneralHazardInterviewAndCircular)]
[Description("一般隐患经督办仍逾期达到约谈天数，约谈单位主要负责人并予以通报。 | A general hazard already under a supervision notice and still overdue for the interview threshold: the unit's head is interviewed (约谈) and a circular (通报) issued.")]
[Tag(RuleTags.GeneralHazardLadder)]
[Tag(RuleTags.Rung3)]
[Tag(RuleTags.Penalty)]
[ReadsPolicy(PolicyKeys.GeneralInterviewAfterDaysOverdue)]
public sealed class GeneralHazardInterviewAndCircularRule : Rule
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
                h => h.DaysOverdueAt(clock.Now) >= policy.GeneralHazard.InterviewAfterDaysOverdue)
            .Exists<DecisionFact>(
                d => d.Kind == DecisionKind.SupervisionNotice,
                d => d.SubjectType == SubjectType.Hazard,
                d => d.SubjectId == hazard.Id)
            .Not<IDecided>(
                d => d.RuleName == RuleNames.GeneralHazardInterviewAndCircular,
                d => d.SubjectType == SubjectType.Hazard,
                d => d.SubjectId == hazard.Id);

        Then()
            .Do(ctx => Propose.Decision(ctx, clock, DecisionKind.Interview, SubjectType.Hazard, hazard.Id, hazard.ResponsibleUnitCode, InterviewReason(hazard, clock, policy)))
            .Do(ctx => Propose.Decision(ctx, clock, DecisionKind.Circular, SubjectType.Hazard, hazard.Id, hazard.ResponsibleUnitCode, CircularReason(hazard, clock, policy)));
    }

    private static DecisionReason InterviewReason(HazardFact hazard, ClockFact clock, RulePolicy policy) => new(
        Propose.Text($"隐患{hazard.Number}经督办后仍逾期{hazard.DaysOverdueAt(clock.Now)}天（约谈阈值{policy.GeneralHazard.InterviewAfterDaysOverdue}天），约谈单位{hazard.ResponsibleUnitCode}主要负责人。"),
        Propose.Text($"Hazard {hazard.Number} is still {hazard.DaysOverdueAt(clock.Now)} days overdue after a supervision notice (interview threshold {policy.GeneralHazard.InterviewAfterDaysOverdue} days); the head of unit {hazard.ResponsibleUnitCode} is interviewed."));

    private static DecisionReason CircularReason(HazardFact hazard, ClockFact clock, RulePolicy policy) => new(
        Propose.Text($"隐患{hazard.Number}经督办后仍逾期{hazard.DaysOverdueAt(clock.Now)}天（约谈阈值{policy.GeneralHazard.InterviewAfterDaysOverdue}天），对单位{hazard.ResponsibleUnitCode}予以通报。"),
        Propose.Text($"Hazard {hazard.Number} is still {hazard.DaysOverdueAt(clock.Now)} days overdue after a supervision notice (interview threshold {policy.GeneralHazard.InterviewAfterDaysOverdue} days); a circular names unit {hazard.ResponsibleUnitCode}."));
}
