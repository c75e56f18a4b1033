namespace WorkflowHub.Engine.Model;

public sealed record BusinessRuleSettings(string DecisionRef, string? ResultVariable);
