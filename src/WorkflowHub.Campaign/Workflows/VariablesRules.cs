using System.Text.Json;
using FluentValidation;

namespace WorkflowHub.Campaign.Workflows;

/// <summary>The validator rule for a request's JSON variables: an object (or absent) that <see cref="JsonVariables"/> can convert.</summary>
public static class VariablesRules
{
    public static IRuleBuilderOptionsConditions<T, JsonElement?> MustBeVariables<T>(this IRuleBuilder<T, JsonElement?> rule) =>
        rule.Custom((value, context) =>
        {
            try
            {
                JsonVariables.ToVariables(value);
            }
            catch (FormatException exception)
            {
                context.AddFailure(exception.Message);
            }
        });
}
