using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;

namespace WorkflowHub.Campaign.Plan;

/// <summary>Rules shared by the plan's validators; messages start with the JSON field they are about.</summary>
internal static partial class PlanRuleExtensions
{
    public static IRuleBuilderOptions<T, string> RequiredText<T>(this IRuleBuilder<T, string> rule, string field, int maxLength) =>
        rule.Must(value => !string.IsNullOrWhiteSpace(value))
            .WithMessage($"{field} must not be empty")
            .MaximumLength(maxLength)
            .WithMessage((_, value) => $"{field} is {value.Length} characters long; at most {maxLength} fit");

    public static IRuleBuilderOptions<T, string> KebabCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.RequiredText("code", PlanFieldLimits.Code)
            .Must(IsKebabCase)
            .WithMessage((_, code) => $"code '{code}' must be kebab-case (lower-case letters and digits joined by single hyphens)");

    public static bool IsKebabCase(string? code) => code is not null && KebabCasePattern().IsMatch(code);

    public static string Text(this DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabCasePattern();
}
