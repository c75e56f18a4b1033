using FluentValidation;

namespace WorkflowHub.Campaign.Plan;

/// <summary>An area: at least one lead, only known units, tasks numbered 1..n, valid targets.</summary>
public sealed class PlanAreaValidator : AbstractValidator<PlanArea>
{
    public PlanAreaValidator()
    {
        // No rule-level Stop here: on a RuleForEach it would stop at the first bad element and hide the others.
        RuleFor(a => a.Code).Cascade(CascadeMode.Stop).KebabCode();
        RuleFor(a => a.Kind).IsInEnum().WithMessage(a => $"kind {(int)a.Kind} is not an area kind");
        RuleFor(a => a.NameZh).Cascade(CascadeMode.Stop).RequiredText("nameZh", PlanFieldLimits.Name);
        RuleFor(a => a.NameEn).Cascade(CascadeMode.Stop).RequiredText("nameEn", PlanFieldLimits.Name);

        RuleFor(a => a.LeadUnits).NotEmpty().WithMessage("leadUnits must name at least one lead unit (牵头)");
        RuleForEach(a => a.LeadUnits).Custom((code, context) => CheckKnownUnit("lead unit", code, context));
        RuleForEach(a => a.CoUnits).Custom((code, context) => CheckKnownUnit("co-responsible unit", code, context));
        RuleFor(a => a.CoUnits).Cascade(CascadeMode.Stop)
            .Must((area, coUnits) => !coUnits.Intersect(area.LeadUnits).Any())
            .WithMessage(a => $"coUnits repeat the lead unit(s) {string.Join(", ", a.CoUnits.Intersect(a.LeadUnits))}")
            .Must(coUnits => coUnits.Distinct().Count() == coUnits.Count)
            .WithMessage("coUnits name a unit more than once");

        RuleFor(a => a.Tasks).NotEmpty().WithMessage("tasks must hold the area's numbered tasks (一是, 二是 …)");
        RuleForEach(a => a.Tasks)
            .NotNull().WithMessage("a task must not be null")
            .SetValidator(new PlanAreaTaskValidator());
        RuleFor(a => a.Tasks).Custom((tasks, context) =>
        {
            for (var i = 0; i < tasks.Count; i++)
            {
                if (tasks[i] is { } task && task.Number != i + 1)
                {
                    context.AddFailure($"Tasks[{i}]", $"number {task.Number} should be {i + 1}: tasks are numbered 1, 2, 3 … in order");
                }
            }
        });

        RuleForEach(a => a.Targets)
            .NotNull().WithMessage("a target must not be null")
            .SetValidator(new PlanTargetValidator());
        RuleFor(a => a.ResponsibilityZh!).MaximumLength(PlanFieldLimits.Text)
            .WithMessage($"responsibilityZh is longer than {PlanFieldLimits.Text} characters")
            .When(a => a.ResponsibilityZh is not null);
    }

    private static void CheckKnownUnit(string role, string code, ValidationContext<PlanArea> context)
    {
        if (PlanScope.Of(context) is { } scope && !scope.UnitCodes.Contains(code))
        {
            context.AddFailure($"{role} '{code}' is not in orgUnits");
        }
    }
}
