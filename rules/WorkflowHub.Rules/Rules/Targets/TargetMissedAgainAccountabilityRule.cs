using NRules.Fluent.Dsl;
using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Policy;

namespace WorkflowHub.Rules.Rules.Targets;

/// <summary>Top rung: still missed the given days after the circular and interview for the missed deadline.</summary>
[Name(RuleNames.TargetMissedAgainAccountability)]
[Description("目标到期未完成被通报约谈后，规定天数后仍未完成，移交问责。 | A target still missed the given days after the circular and interview for its missed deadline: the lead unit is referred for accountability (问责).")]
[Tag(RuleTags.TargetLadder)]
[Tag(RuleTags.Rung3)]
[Tag(RuleTags.Penalty)]
[ReadsPolicy(PolicyKeys.TargetMissedAgainAfterDays)]
public sealed class TargetMissedAgainAccountabilityRule : Rule
{
    public override void Define()
    {
        ClockFact clock = null!;
        RulePolicy policy = null!;
        TargetFact target = null!;
        DecisionFact missed = null!;

        When()
            .Match(() => clock)
            .Match(() => policy)
            .Match(() => target, t => !t.IsMet)
            .Match(
                () => missed,
                d => d.RuleName == RuleNames.TargetMissedAtDeadline,
                d => d.Kind == DecisionKind.Interview,
                d => d.SubjectType == SubjectType.Target,
                d => d.SubjectId == target.Id,
                d => d.DecidedAt <= clock.Now.AddDays(-policy.Target.MissedAgainAfterDays))
            .Not<IDecided>(
                d => d.RuleName == RuleNames.TargetMissedAgainAccountability,
                d => d.SubjectType == SubjectType.Target,
                d => d.SubjectId == target.Id);

        Then()
            .Do(ctx => Propose.Decision(ctx, clock, DecisionKind.AccountabilityReferral, SubjectType.Target, target.Id, target.LeadUnitCode, Reason(target, missed, clock)));
    }

    private static DecisionReason Reason(TargetFact target, DecisionFact missed, ClockFact clock) => new(
        Propose.Text($"目标{target.Code}到期未完成被通报约谈{(int)Math.Floor((clock.Now - missed.DecidedAt).TotalDays)}天后仍未完成（应达{target.TargetValue:0.##}，实报{target.ReportedValue:0.##}），对牵头单位{target.LeadUnitCode}移交问责。"),
        Propose.Text($"Target {target.Code} is still missed {(int)Math.Floor((clock.Now - missed.DecidedAt).TotalDays)} days after the circular and interview for its deadline (due {target.TargetValue:0.##}, reported {target.ReportedValue:0.##}); the lead unit {target.LeadUnitCode} is referred for accountability."));
}
