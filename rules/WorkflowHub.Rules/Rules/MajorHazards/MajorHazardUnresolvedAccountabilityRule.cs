using NRules.Fluent.Dsl;
using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Policy;

namespace WorkflowHub.Rules.Rules.MajorHazards;

/// <summary>
/// Top rung: a major hazard whose department head was already interviewed for it being overdue, and
/// which is still open the given days after grading (悬而不决). A hazard still inside a long but
/// legitimate deadline is never overdue, so it is never interviewed and never referred.
/// </summary>
[Name(RuleNames.MajorHazardUnresolvedAccountability)]
[Description("重大隐患逾期已约谈，定级后悬而不决达到规定天数仍未销号，移交问责。 | A major hazard whose department head was interviewed for it being overdue, still unresolved the given days after grading (悬而不决): referred for accountability (问责).")]
[Tag(RuleTags.MajorHazardLadder)]
[Tag(RuleTags.Rung3)]
[Tag(RuleTags.Penalty)]
[ReadsPolicy(PolicyKeys.MajorUnresolvedDaysForAccountability)]
[ReadsPolicy(PolicyKeys.CalendarUtcOffsetHours)]
public sealed class MajorHazardUnresolvedAccountabilityRule : Rule
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
                h => h.DaysSinceGradedAt(clock.Now) >= policy.MajorHazard.UnresolvedDaysForAccountability)
            .Exists<DecisionFact>(
                d => d.Kind == DecisionKind.Interview,
                d => d.RuleName == RuleNames.MajorHazardOverdueInterview,
                d => d.SubjectType == SubjectType.Hazard,
                d => d.SubjectId == hazard.Id)
            .Not<IDecided>(
                d => d.RuleName == RuleNames.MajorHazardUnresolvedAccountability,
                d => d.SubjectType == SubjectType.Hazard,
                d => d.SubjectId == hazard.Id);

        Then()
            .Do(ctx => Propose.Decision(ctx, clock, DecisionKind.AccountabilityReferral, SubjectType.Hazard, hazard.Id, hazard.ResponsibleUnitCode, Reason(hazard, clock, policy)));
    }

    private static DecisionReason Reason(HazardFact hazard, ClockFact clock, RulePolicy policy) => new(
        Propose.Text($"重大隐患{hazard.Number}自{Propose.Date(hazard.GradedAt!.Value, policy)}定级已{hazard.DaysSinceGradedAt(clock.Now)}天且已约谈，仍未销号（阈值{policy.MajorHazard.UnresolvedDaysForAccountability}天），对责任单位{hazard.ResponsibleUnitCode}移交问责。"),
        Propose.Text($"Major hazard {hazard.Number}, graded on {Propose.Date(hazard.GradedAt!.Value, policy)}, is still open after {hazard.DaysSinceGradedAt(clock.Now)} days and an interview (threshold {policy.MajorHazard.UnresolvedDaysForAccountability} days); the responsible unit {hazard.ResponsibleUnitCode} is referred for accountability."));
}
