using FluentValidation;
using FluentValidation.Results;

namespace WorkflowHub.Campaign.Plan;

/// <summary>
/// The whole plan: each entry through its own validator, then the rules that span entries:
/// unique codes, one committee office, phases in order without gaps, areas numbered 1..n.
/// Failure property names are paths such as <c>Areas[5].Targets[1].Deadline</c>; <see cref="PlanPath"/> turns them into readable labels.
/// </summary>
public sealed class CampaignPlanValidator : AbstractValidator<CampaignPlan>
{
    public CampaignPlanValidator()
    {
        // No rule-level Stop here: on a RuleForEach it would stop at the first bad element and hide the others.

        RuleFor(p => p.Campaign).Cascade(CascadeMode.Stop).NotNull().WithMessage("campaign is required").SetValidator(new PlanCampaignValidator());

        RuleFor(p => p.Phases).NotEmpty().WithMessage("phases must list the campaign's phases");
        RuleForEach(p => p.Phases)
            .NotNull().WithMessage("a phase must not be null")
            .SetValidator(new PlanPhaseValidator());
        RuleFor(p => p.Phases).Custom((phases, context) => CheckPhaseSequence(context.InstanceToValidate.Campaign, phases, context))
            .When(p => p.Campaign is not null);
        RuleFor(p => p.Phases).Custom((phases, context) => CheckUniqueCodes(phases, p => p.Code, "Phases", context));

        RuleFor(p => p.OrgUnits).NotEmpty().WithMessage("orgUnits must list the units the plan names");
        RuleForEach(p => p.OrgUnits)
            .NotNull().WithMessage("an org unit must not be null")
            .SetValidator(new PlanOrgUnitValidator());
        RuleFor(p => p.OrgUnits).Custom((units, context) => CheckUniqueCodes(units, u => u.Code, "OrgUnits", context));
        RuleFor(p => p.OrgUnits).Custom(CheckParents);
        RuleFor(p => p.OrgUnits)
            .Must(units => units.Count(u => u?.Kind == OrgUnitKind.CommitteeOffice) == 1)
            .WithMessage(p => $"orgUnits must hold exactly one CommitteeOffice; found {p.OrgUnits.Count(u => u?.Kind == OrgUnitKind.CommitteeOffice)}");

        RuleFor(p => p.Areas).NotEmpty().WithMessage("areas must list the plan's topics and sectors");
        RuleForEach(p => p.Areas)
            .NotNull().WithMessage("an area must not be null")
            .SetValidator(new PlanAreaValidator());
        RuleFor(p => p.Areas).Custom((areas, context) =>
        {
            for (var i = 0; i < areas.Count; i++)
            {
                if (areas[i] is { } area && area.Number != i + 1)
                {
                    context.AddFailure(new ValidationFailure($"Areas[{i}]",
                        $"number {area.Number} should be {i + 1}: areas are numbered 1, 2, 3 … in the plan's order"));
                }
            }
        });
        RuleFor(p => p.Areas).Custom((areas, context) => CheckUniqueCodes(areas, a => a.Code, "Areas", context));
        RuleFor(p => p.Areas).Custom(CheckUniqueTargetCodes);
    }

    /// <summary>Hands the campaign period and the unit codes to the entry validators before any rule runs.</summary>
    protected override bool PreValidate(ValidationContext<CampaignPlan> context, ValidationResult result)
    {
        var plan = context.InstanceToValidate;
        if (plan.Campaign is not null)
        {
            new PlanScope(plan.Campaign, UnitCodes(plan)).Attach(context);
        }

        return true;
    }

    private static HashSet<string> UnitCodes(CampaignPlan plan) =>
        plan.OrgUnits.Where(u => u is not null && u.Code is not null).Select(u => u.Code).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Phases run in order from the campaign's start to its end with no gap. The plan lets neighbours
    /// overlap (mobilisation June–July 2020, investigation July–December 2020), so an overlap is allowed;
    /// a later phase must still start and end after the one before it.
    /// </summary>
    private static void CheckPhaseSequence(PlanCampaign campaign, IReadOnlyList<PlanPhase> phases, ValidationContext<CampaignPlan> context)
    {
        PlanPhase? previous = null;
        for (var i = 0; i < phases.Count; i++)
        {
            var phase = phases[i];
            if (phase is null)
            {
                return;
            }

            var path = $"Phases[{i}]";
            if (phase.Order != i + 1)
            {
                context.AddFailure(new ValidationFailure(path, $"order {phase.Order} should be {i + 1}: phases are listed in order 1, 2, 3 …"));
            }

            if (previous is null)
            {
                if (phase.Start != campaign.Start)
                {
                    context.AddFailure(new ValidationFailure(path, $"start {phase.Start.Text()} should be the campaign start {campaign.Start.Text()}"));
                }
            }
            else if (phase.Start <= previous.Start || phase.End <= previous.End)
            {
                context.AddFailure(new ValidationFailure(path,
                    $"{phase.Start.Text()}..{phase.End.Text()} does not follow phases[{i - 1}] ({previous.Code}) {previous.Start.Text()}..{previous.End.Text()}"));
            }
            else if (phase.Start > previous.End.AddDays(1))
            {
                context.AddFailure(new ValidationFailure(path,
                    $"start {phase.Start.Text()} leaves a gap after phases[{i - 1}] ({previous.Code}), which ends {previous.End.Text()}"));
            }

            previous = phase;
        }

        if (previous is not null && previous.End != campaign.End)
        {
            context.AddFailure(new ValidationFailure($"Phases[{phases.Count - 1}]",
                $"end {previous.End.Text()} should be the campaign end {campaign.End.Text()}"));
        }
    }

    private static void CheckParents(IReadOnlyList<PlanOrgUnit> units, ValidationContext<CampaignPlan> context)
    {
        var codes = units.Where(u => u?.Code is not null).Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < units.Count; i++)
        {
            if (units[i] is not { ParentCode: { } parent } unit)
            {
                continue;
            }

            if (parent == unit.Code)
            {
                context.AddFailure(new ValidationFailure($"OrgUnits[{i}]", $"parentCode '{parent}' is the unit itself"));
            }
            else if (!codes.Contains(parent))
            {
                context.AddFailure(new ValidationFailure($"OrgUnits[{i}]", $"parentCode '{parent}' is not in orgUnits"));
            }
        }
    }

    private static void CheckUniqueCodes<TItem>(IReadOnlyList<TItem> items, Func<TItem, string> code, string collection, ValidationContext<CampaignPlan> context)
        where TItem : class
    {
        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item || code(item) is not { } value)
            {
                continue;
            }

            if (!firstIndex.TryAdd(value, i))
            {
                context.AddFailure(new ValidationFailure($"{collection}[{i}]",
                    $"code '{value}' is already used by {PlanPath.Camel(collection)}[{firstIndex[value]}]"));
            }
        }
    }

    /// <summary>Targets become rows keyed by code, so a code may appear once in the whole plan.</summary>
    private static void CheckUniqueTargetCodes(IReadOnlyList<PlanArea> areas, ValidationContext<CampaignPlan> context)
    {
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var a = 0; a < areas.Count; a++)
        {
            if (areas[a]?.Targets is not { } targets)
            {
                continue;
            }

            for (var t = 0; t < targets.Count; t++)
            {
                if (targets[t]?.Code is not { } value)
                {
                    continue;
                }

                var path = $"Areas[{a}].Targets[{t}]";
                if (!first.TryAdd(value, path))
                {
                    context.AddFailure(new ValidationFailure(path, $"code '{value}' is already used by {PlanPath.Camel(first[value])}"));
                }
            }
        }
    }
}
