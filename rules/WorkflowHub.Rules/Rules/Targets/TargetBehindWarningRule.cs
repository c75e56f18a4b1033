using NRules.Fluent.Dsl;
using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Policy;

namespace WorkflowHub.Rules.Rules.Targets;

/// <summary>Rung 1 of the target ladder: at a quarterly check, behind the linear expectation beyond tolerance.</summary>
[Name(RuleNames.TargetBehindWarning)]
[Description("季度考核时目标进度落后于应达进度超过容差，向牵头单位发出警示。 | At a quarterly check a target trails its expected-by-now progress by more than the tolerance: the lead unit is warned (警示).")]
[Tag(RuleTags.TargetLadder)]
[Tag(RuleTags.Rung1)]
[Tag(RuleTags.Penalty)]
[ReadsPolicy(PolicyKeys.TargetBehindToleranceRatio)]
[ReadsPolicy(PolicyKeys.CalendarUtcOffsetHours)]
public sealed class TargetBehindWarningRule : Rule
{
    public override void Define()
    {
        ClockFact clock = null!;
        RulePolicy policy = null!;
        TargetFact target = null!;

        When()
            .Match(() => clock, c => c.IsQuarterlyCheck)
            .Match(() => policy)
            .Match(
                () => target,
                t => t.IsBehindAt(clock.Now, policy.Target.BehindToleranceRatio))
            .Not<IDecided>(
                d => d.RuleName == RuleNames.TargetBehindWarning,
                d => d.SubjectType == SubjectType.Target,
                d => d.SubjectId == target.Id);

        Then()
            .Do(ctx => Propose.Decision(ctx, clock, DecisionKind.Warning, SubjectType.Target, target.Id, target.LeadUnitCode, Reason(target, clock, policy)));
    }

    private static DecisionReason Reason(TargetFact target, ClockFact clock, RulePolicy policy) => new(
        Propose.Text($"季度考核：目标{target.Code}应达{target.ExpectedValueAt(clock.Now):0.##}（进度{Propose.Percent(target.ExpectedFractionAt(clock.Now))}），实报{target.ReportedValue:0.##}（进度{Propose.Percent(target.AchievedFraction)}），落后超过容差{Propose.Percent(policy.Target.BehindToleranceRatio)}，警示牵头单位{target.LeadUnitCode}。"),
        Propose.Text($"Quarterly check: target {target.Code} should be at {target.ExpectedValueAt(clock.Now):0.##} ({Propose.Percent(target.ExpectedFractionAt(clock.Now))} of the way) but reports {target.ReportedValue:0.##} ({Propose.Percent(target.AchievedFraction)}), behind by more than the {Propose.Percent(policy.Target.BehindToleranceRatio)} tolerance; the lead unit {target.LeadUnitCode} is warned."));
}
