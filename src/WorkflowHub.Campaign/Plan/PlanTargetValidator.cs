using FluentValidation;

namespace WorkflowHub.Campaign.Plan;

/// <summary>A target must be measurable, due inside the campaign and owned by a known unit.</summary>
public sealed class PlanTargetValidator : AbstractValidator<PlanTarget>
{
    public PlanTargetValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(t => t.Code).KebabCode();
        RuleFor(t => t.MeasureZh).RequiredText("measureZh", PlanFieldLimits.Name);
        RuleFor(t => t.MeasureEn).RequiredText("measureEn", PlanFieldLimits.Name);
        RuleFor(t => t.Unit)
            .Must(TargetUnits.All.Contains)
            .WithMessage(t => $"unit '{t.Unit}' is not one of {string.Join(", ", TargetUnits.All)}");
        RuleFor(t => t.Value)
            .GreaterThanOrEqualTo(0)
            .WithMessage(t => $"value {t.Value} must not be negative")
            .LessThanOrEqualTo(100)
            .WithMessage(t => $"value {t.Value} is more than 100 percent")
            .When(t => t.Unit == TargetUnits.Percent, ApplyConditionTo.CurrentValidator);
        RuleFor(t => t.Deadline).Custom((deadline, context) => PlanPhaseValidator.CheckInsideCampaign("deadline", deadline, context));
        RuleFor(t => t.ResponsibleUnit).Custom((code, context) =>
        {
            if (PlanScope.Of(context) is { } scope && !scope.UnitCodes.Contains(code))
            {
                context.AddFailure($"responsibleUnit '{code}' is not in orgUnits");
            }
        });
        RuleFor(t => t.SourceZh!).MaximumLength(PlanFieldLimits.Text)
            .WithMessage($"sourceZh is longer than {PlanFieldLimits.Text} characters")
            .When(t => t.SourceZh is not null);
    }
}
