using FluentValidation;

namespace WorkflowHub.Campaign.Plan;

/// <summary>An org unit on its own: code, kind and names.</summary>
public sealed class PlanOrgUnitValidator : AbstractValidator<PlanOrgUnit>
{
    public PlanOrgUnitValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(u => u.Code).KebabCode();
        RuleFor(u => u.Kind).IsInEnum().WithMessage(u => $"kind {(int)u.Kind} is not an org unit kind");
        RuleFor(u => u.NameZh).RequiredText("nameZh", PlanFieldLimits.Name);
        RuleFor(u => u.NameEn).RequiredText("nameEn", PlanFieldLimits.Name);
        RuleFor(u => u.Description!).MaximumLength(PlanFieldLimits.Text)
            .WithMessage($"description is longer than {PlanFieldLimits.Text} characters")
            .When(u => u.Description is not null);

        // Districts are recognised by their code prefix wherever a kind is not at hand (claims, URLs).
        RuleFor(u => u.Code)
            .Must(code => code.StartsWith(PlanOrgCodes.DistrictPrefix, StringComparison.Ordinal))
            .WithMessage(u => $"code '{u.Code}' of a District must start with '{PlanOrgCodes.DistrictPrefix}'")
            .When(u => u.Kind == OrgUnitKind.District);
        RuleFor(u => u.Code)
            .Equal(PlanOrgCodes.SafetyOffice)
            .WithMessage(u => $"code '{u.Code}' of the CommitteeOffice must be '{PlanOrgCodes.SafetyOffice}'")
            .When(u => u.Kind == OrgUnitKind.CommitteeOffice);
    }
}
