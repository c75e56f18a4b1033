using FluentValidation;

namespace WorkflowHub.Campaign.Plan;

/// <summary>The campaign needs names and a period that runs forwards.</summary>
public sealed class PlanCampaignValidator : AbstractValidator<PlanCampaign>
{
    public PlanCampaignValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.NameZh).RequiredText("nameZh", PlanFieldLimits.Name);
        RuleFor(c => c.NameEn).RequiredText("nameEn", PlanFieldLimits.Name);
        RuleFor(c => c.End)
            .Must((campaign, end) => end > campaign.Start)
            .WithMessage(c => $"end {c.End.Text()} must come after start {c.Start.Text()}");
        RuleFor(c => c.Code!)
            .KebabCode()
            .When(c => c.Code is not null);
    }
}
