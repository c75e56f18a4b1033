using System.Text.RegularExpressions;

namespace WorkflowHub.Campaign.Workflows.Forms;

/// <summary>Camunda 7's way of naming a deployed form-js file from a user task: <c>camunda-forms:deployment:NAME.form</c>.</summary>
public static partial class FormKeys
{
    public const string DeploymentPrefix = "camunda-forms:deployment:";

    /// <summary>The file name of the form a task's form key names, or null when the key names no deployed form.</summary>
    public static string? FormFileName(string? formKey) =>
        formKey is not null && formKey.StartsWith(DeploymentPrefix, StringComparison.Ordinal)
            && formKey[DeploymentPrefix.Length..] is var name && IsSafeFileName(name)
            ? name
            : null;

    /// <summary>Accepts plain names like <c>hazard-grading.form</c> only, so no request can reach outside the forms folder.</summary>
    public static bool IsSafeFileName(string name) => SafeName().IsMatch(name);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]{0,99}(\.[A-Za-z0-9_-]{1,20})?\.form$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeName();
}
