namespace WorkflowHub.Campaign.Workflows.Forms;

/// <summary>One input of a form-js form, with the rules of its <c>validate</c> block that the server enforces.</summary>
public sealed record FormField(
    string Key,
    string Type,
    string? Label,
    bool Required,
    double? Min,
    double? Max,
    int? MinLength,
    int? MaxLength,
    string? Pattern,
    string? Subtype,
    IReadOnlyList<string>? AllowedValues,
    bool SerializeToString);
