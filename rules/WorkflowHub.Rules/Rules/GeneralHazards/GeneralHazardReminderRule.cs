using NRules.Fluent.Dsl;
using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Policy;

namespace WorkflowHub.Rules.Rules.GeneralHazards;

/// <summary>Rung 1 of the general-hazard ladder: the hazard has just gone overdue.</summary>
[Name(RuleNames.GeneralHazardReminder)]
[Description("一般隐患逾期达到提醒天数，向责任单位发出提醒。 | A general hazard overdue for the reminder threshold: the responsible unit is reminded.")]
[Tag(RuleTags.GeneralHazardLadder)]
[Tag(RuleTags.Rung1)]
[ReadsPolicy(PolicyKeys.GeneralReminderAfterDaysOverdue)]
[ReadsPolicy(PolicyKeys.CalendarUtcOffsetHours)]
public sealed class GeneralHazardReminderRule : Rule
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
                h => h.DaysOverdueAt(clock.Now) >= policy.GeneralHazard.ReminderAfterDaysOverdue)
            .Not<IDecided>(
                d => d.RuleName == RuleNames.GeneralHazardReminder,
                d => d.SubjectType == SubjectType.Hazard,
                d => d.SubjectId == hazard.Id);

        Then()
            .Do(ctx => Propose.Decision(ctx, clock, DecisionKind.Reminder, SubjectType.Hazard, hazard.Id, hazard.ResponsibleUnitCode, Reason(hazard, clock, policy)));
    }

    private static DecisionReason Reason(HazardFact hazard, ClockFact clock, RulePolicy policy) => new(
        Propose.Text($"隐患{hazard.Number}整改期限为{Propose.Date(hazard.DueAt!.Value, policy)}，已逾期{hazard.DaysOverdueAt(clock.Now)}天（提醒阈值{policy.GeneralHazard.ReminderAfterDaysOverdue}天），提醒责任单位{hazard.ResponsibleUnitCode}。"),
        Propose.Text($"Hazard {hazard.Number} was due on {Propose.Date(hazard.DueAt!.Value, policy)} and is {hazard.DaysOverdueAt(clock.Now)} days overdue (reminder threshold {policy.GeneralHazard.ReminderAfterDaysOverdue} days); the responsible unit {hazard.ResponsibleUnitCode} is reminded."));
}
