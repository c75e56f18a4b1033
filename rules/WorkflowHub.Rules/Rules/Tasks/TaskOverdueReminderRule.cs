using NRules.Fluent.Dsl;
using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Policy;

namespace WorkflowHub.Rules.Rules.Tasks;

/// <summary>A task left in a unit's inbox past its due date.</summary>
[Name(RuleNames.TaskOverdueReminder)]
[Description("待办任务逾期达到提醒天数，提醒承办单位。 | A user task overdue for the reminder threshold: the unit holding it is reminded.")]
[Tag(RuleTags.TaskLadder)]
[Tag(RuleTags.Rung1)]
[ReadsPolicy(PolicyKeys.TaskReminderAfterDaysOverdue)]
[ReadsPolicy(PolicyKeys.CalendarUtcOffsetHours)]
public sealed class TaskOverdueReminderRule : Rule
{
    public override void Define()
    {
        ClockFact clock = null!;
        RulePolicy policy = null!;
        UserTaskFact task = null!;

        When()
            .Match(() => clock)
            .Match(() => policy)
            .Match(
                () => task,
                t => t.IsOpen,
                t => t.DaysOverdueAt(clock.Now) >= policy.Task.ReminderAfterDaysOverdue)
            .Not<IDecided>(
                d => d.RuleName == RuleNames.TaskOverdueReminder,
                d => d.SubjectType == SubjectType.Task,
                d => d.SubjectId == task.Id);

        Then()
            .Do(ctx => Propose.Decision(ctx, clock, DecisionKind.Reminder, SubjectType.Task, task.Id, task.UnitCode, Reason(task, clock, policy)));
    }

    private static DecisionReason Reason(UserTaskFact task, ClockFact clock, RulePolicy policy) => new(
        Propose.Text($"待办任务“{task.Name}”于{Propose.Date(task.DueAt!.Value, policy)}到期，已逾期{task.DaysOverdueAt(clock.Now)}天（提醒阈值{policy.Task.ReminderAfterDaysOverdue}天），提醒承办单位{task.UnitCode}。"),
        Propose.Text($"Task \"{task.Name}\" was due on {Propose.Date(task.DueAt!.Value, policy)} and is {task.DaysOverdueAt(clock.Now)} days overdue (reminder threshold {policy.Task.ReminderAfterDaysOverdue} days); unit {task.UnitCode} is reminded."));
}
