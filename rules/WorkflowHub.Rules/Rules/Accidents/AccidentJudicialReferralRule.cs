using NRules.Fluent.Dsl;
using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Policy;

namespace WorkflowHub.Rules.Rules.Accidents;

/// <summary>A hazard linked to an accident: negligence goes to the judicial authorities (移交司法).</summary>
[Name(RuleNames.AccidentJudicialReferral)]
[Description("隐患与生产安全事故关联，移交司法机关。 | A hazard linked to a production-safety accident is referred to the judicial authorities (移交司法).")]
[Tag(RuleTags.AccidentLadder)]
[Tag(RuleTags.Rung1)]
[Tag(RuleTags.Penalty)]
public sealed class AccidentJudicialReferralRule : Rule
{
    public override void Define()
    {
        ClockFact clock = null!;
        HazardFact hazard = null!;

        When()
            .Match(() => clock)
            .Match(() => hazard, h => h.LinkedToAccident)
            .Not<IDecided>(
                d => d.RuleName == RuleNames.AccidentJudicialReferral,
                d => d.SubjectType == SubjectType.Hazard,
                d => d.SubjectId == hazard.Id);

        Then()
            .Do(ctx => Propose.Decision(ctx, clock, DecisionKind.JudicialReferral, SubjectType.Hazard, hazard.Id, hazard.ResponsibleUnitCode, Reason(hazard)));
    }

    private static DecisionReason Reason(HazardFact hazard) => new(
        Propose.Text($"隐患{hazard.Number}与生产安全事故关联，对责任单位{hazard.ResponsibleUnitCode}移交司法机关。"),
        Propose.Text($"Hazard {hazard.Number} is linked to an accident; the responsible unit {hazard.ResponsibleUnitCode} is referred to the judicial authorities."));
}
