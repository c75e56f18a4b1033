using FluentValidation;

namespace WorkflowHub.Campaign.Plan;

/// <summary>A phase on its own: names, and dates that run forwards inside the campaign period.</summary>
public sealed class PlanPhaseValidator : AbstractValidator<PlanPhase>
{
    public PlanPhaseValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(p => p.Code).KebabCode();
        RuleFor(p => p.NameZh).RequiredText("nameZh", PlanFieldLimits.Name);
        RuleFor(p => p.NameEn).RequiredText("nameEn", PlanFieldLimits.Name);
        RuleFor(p => p.Start).Custom((start, context) => CheckInsideCampaign("start", start, context));
        RuleFor(p => p.End)
            .Must((phase, end) => end >= phase.Start)
            .WithMessage(p => $"end {p.End.Text()} comes before start {p.Start.Text()}");
        RuleFor(p => p.End).Custom((end, context) => CheckInsideCampaign("end", end, context));
    }

    internal static void CheckInsideCampaign<T>(string field, DateOnly date, ValidationContext<T> context)
    {
        if (PlanScope.Of(context) is { } scope && !scope.Campaign.Contains(date))
        {
            context.AddFailure($"{field} {date.Text()} is outside the campaign period {scope.Campaign.PeriodText}");
        }
    }
}
