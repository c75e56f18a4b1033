using FluentValidation;

namespace WorkflowHub.Campaign.Plan;

/// <summary>A task needs the plan's text and an English summary.</summary>
public sealed class PlanAreaTaskValidator : AbstractValidator<PlanAreaTask>
{
    public PlanAreaTaskValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(t => t.TextZh).RequiredText("textZh", PlanFieldLimits.Text);
        RuleFor(t => t.SummaryEn).RequiredText("summaryEn", PlanFieldLimits.Text);
    }
}
