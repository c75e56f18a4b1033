namespace WorkflowHub.Rules.Policy;

/// <summary>One threshold in policy.json: its dotted path, what it measures, and what it means in both languages.</summary>
public sealed record PolicyKeyDefinition(string Path, PolicyValueKind Kind, string DescriptionChinese, string DescriptionEnglish);
