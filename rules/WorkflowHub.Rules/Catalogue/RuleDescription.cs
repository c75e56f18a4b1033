using WorkflowHub.Rules.Policy;

namespace WorkflowHub.Rules.Catalogue;

/// <summary>One rule as an auditor reads it: no C# needed.</summary>
public sealed record RuleDescription(
    string Name,
    string DescriptionChinese,
    string DescriptionEnglish,
    IReadOnlyList<string> Tags,
    IReadOnlyList<PolicyKeyDefinition> PolicyKeys,
    string RuleClass);
