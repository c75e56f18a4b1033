using FluentValidation;
using WorkflowHub.Campaign.Workflows.Drafts;

namespace WorkflowHub.Campaign.Features.Definitions;

/// <summary>Rules shared by the requests that name a process key or carry a diagram.</summary>
internal static class DefinitionRules
{
    /// <summary>A diagram larger than this is refused before parsing (the engine has its own, stricter limits too).</summary>
    public const int MaxXmlLength = 1024 * 1024;

    public static IRuleBuilderOptions<T, string> ValidKey<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(WorkflowDraft.KeyMaxLength)
            .Matches("^[A-Za-z_][A-Za-z0-9_.-]*$").WithMessage("A process key is an XML name: letters, digits, '_', '-' and '.', not starting with a digit.");

    public static IRuleBuilderOptions<T, string> ValidXml<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Send the BPMN XML as the request body.").MaximumLength(MaxXmlLength);
}
