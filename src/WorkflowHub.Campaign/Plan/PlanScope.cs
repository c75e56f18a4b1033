using FluentValidation;

namespace WorkflowHub.Campaign.Plan;

/// <summary>
/// What an entry's validator needs from the rest of the plan (the campaign period, the known unit codes).
/// <see cref="CampaignPlanValidator"/> puts it into the validation's root context data, so the entry validators
/// stay parameterless (assembly scanning registers every validator in the container) and skip these checks
/// when used on their own.
/// </summary>
internal sealed record PlanScope(PlanCampaign Campaign, IReadOnlySet<string> UnitCodes)
{
    private const string Key = "WorkflowHub.Campaign.Plan.PlanScope";

    public void Attach(IValidationContext context) => context.RootContextData[Key] = this;

    public static PlanScope? Of(IValidationContext context) =>
        context.RootContextData.TryGetValue(Key, out var scope) ? scope as PlanScope : null;
}
