using NRules.Fluent.Dsl;
using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Policy;

namespace WorkflowHub.Rules.Rules.SelfReported;

/// <summary>The plan rewards self-inspection: a self-reported hazard rectified in time earns guidance, not a penalty.</summary>
[Name(RuleNames.SelfReportedFollowUpGuidance)]
[Description("自查自报的隐患按期整改，给予跟踪指导服务而非处罚。 | A self-reported hazard rectified on time, within the given days of reporting, earns follow-up guidance (跟踪指导服务) instead of a penalty.")]
[Tag(RuleTags.SelfReportedLadder)]
[Tag(RuleTags.Rung1)]
[Tag(RuleTags.Service)]
[ReadsPolicy(PolicyKeys.SelfReportedGuidanceIfRectifiedWithinDays)]
[ReadsPolicy(PolicyKeys.CalendarUtcOffsetHours)]
public sealed class SelfReportedFollowUpGuidanceRule : Rule
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
                h => h.Source == HazardSource.SelfInspection,
                h => h.RectifiedAt != null,
                h => h.RectifiedAt <= clock.Now,
                h => h.WasRectifiedInTime(policy.SelfReported.GuidanceIfRectifiedWithinDays))
            .Not<IDecided>(
                d => d.RuleName == RuleNames.SelfReportedFollowUpGuidance,
                d => d.SubjectType == SubjectType.Hazard,
                d => d.SubjectId == hazard.Id);

        Then()
            .Do(ctx => Propose.Decision(ctx, clock, DecisionKind.FollowUpGuidance, SubjectType.Hazard, hazard.Id, hazard.ResponsibleUnitCode, Reason(hazard, policy)));
    }

    private static DecisionReason Reason(HazardFact hazard, RulePolicy policy) => new(
        Propose.Text($"自查自报的隐患{hazard.Number}于{Propose.Date(hazard.RectifiedAt!.Value, policy)}按期完成整改（上报后{Days(hazard)}天，阈值{policy.SelfReported.GuidanceIfRectifiedWithinDays}天），对单位{hazard.ResponsibleUnitCode}给予跟踪指导服务，不予处罚。"),
        Propose.Text($"Self-reported hazard {hazard.Number} was rectified on time on {Propose.Date(hazard.RectifiedAt!.Value, policy)} ({Days(hazard)} days after reporting, threshold {policy.SelfReported.GuidanceIfRectifiedWithinDays} days); unit {hazard.ResponsibleUnitCode} receives follow-up guidance instead of a penalty."));

    private static int Days(HazardFact hazard) => (int)Math.Floor((hazard.RectifiedAt!.Value - hazard.ReportedAt).TotalDays);
}
