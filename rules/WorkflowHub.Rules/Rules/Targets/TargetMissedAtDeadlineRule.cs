using NRules.Fluent.Dsl;
using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Policy;

namespace WorkflowHub.Rules.Rules.Targets;

/// <summary>Rung 2: the deadline has passed and the target is not met; one firing, two measures.</summary>
[Name(RuleNames.TargetMissedAtDeadline)]
[Description("目标到期未完成，予以通报并约谈牵头单位主要负责人。 | A target missed at its deadline: a circular (通报) is issued and the lead unit's head interviewed (约谈).")]
[Tag(RuleTags.TargetLadder)]
[Tag(RuleTags.Rung2)]
[Tag(RuleTags.Penalty)]
[ReadsPolicy(PolicyKeys.CalendarUtcOffsetHours)]
public sealed class TargetMissedAtDeadlineRule : Rule
{
    public override void Define()
    {
        ClockFact clock = null!;
        RulePolicy policy = null!;
        TargetFact target = null!;

        When()
            .Match(() => clock)
            .Match(() => policy)
            .Match(
                () => target,
                t => !t.IsMet,
                t => t.Deadline <= clock.Now)
            .Not<IDecided>(
                d => d.RuleName == RuleNames.TargetMissedAtDeadline,
                d => d.SubjectType == SubjectType.Target,
                d => d.SubjectId == target.Id);

        Then()
            .Do(ctx => Propose.Decision(ctx, clock, DecisionKind.Circular, SubjectType.Target, target.Id, target.LeadUnitCode, CircularReason(target, policy)))
            .Do(ctx => Propose.Decision(ctx, clock, DecisionKind.Interview, SubjectType.Target, target.Id, target.LeadUnitCode, InterviewReason(target, policy)));
    }

    private static DecisionReason CircularReason(TargetFact target, RulePolicy policy) => new(
        Propose.Text($"目标{target.Code}截止{Propose.Date(target.Deadline, policy)}应达{target.TargetValue:0.##}，实报{target.ReportedValue:0.##}，未完成，对牵头单位{target.LeadUnitCode}予以通报。"),
        Propose.Text($"Target {target.Code} was due at {target.TargetValue:0.##} by {Propose.Date(target.Deadline, policy)} and reports {target.ReportedValue:0.##}; a circular names the lead unit {target.LeadUnitCode}."));

    private static DecisionReason InterviewReason(TargetFact target, RulePolicy policy) => new(
        Propose.Text($"目标{target.Code}截止{Propose.Date(target.Deadline, policy)}应达{target.TargetValue:0.##}，实报{target.ReportedValue:0.##}，未完成，约谈牵头单位{target.LeadUnitCode}主要负责人。"),
        Propose.Text($"Target {target.Code} was due at {target.TargetValue:0.##} by {Propose.Date(target.Deadline, policy)} and reports {target.ReportedValue:0.##}; the head of the lead unit {target.LeadUnitCode} is interviewed."));
}
