using FluentValidation;
using WorkflowHub.Campaign.Plan;

namespace WorkflowHub.Campaign.Tests.Plan;

/// <summary>
/// The Campaign module registers every validator of its assembly in the container, which builds each one
/// when it validates the container: a plan validator that needed constructor arguments would break start-up.
/// </summary>
public sealed class PlanValidatorRegistrationTests
{
    [Fact]
    public void Every_plan_validator_can_be_built_without_arguments()
    {
        var validators = typeof(CampaignPlanValidator).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(CampaignPlanValidator).Namespace && !t.IsAbstract && typeof(IValidator).IsAssignableFrom(t))
            .ToList();

        Assert.Equal(7, validators.Count);
        Assert.All(validators, t => Assert.NotNull(t.GetConstructor(Type.EmptyTypes)));
    }

    [Fact]
    public void A_target_validated_on_its_own_still_checks_its_own_fields()
    {
        var target = new PlanTarget
        {
            Code = "Bad Code",
            MeasureZh = "达标率",
            MeasureEn = "Compliance rate",
            Value = 150,
            Unit = TargetUnits.Percent,
            Deadline = new DateOnly(2030, 1, 1),
            ResponsibleUnit = "anyone",
        };

        var messages = new PlanTargetValidator().Validate(target).Errors.Select(e => e.ErrorMessage).ToList();

        Assert.Equal(
            ["code 'Bad Code' must be kebab-case (lower-case letters and digits joined by single hyphens)", "value 150 is more than 100 percent"],
            messages);
    }
}
