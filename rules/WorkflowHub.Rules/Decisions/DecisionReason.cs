namespace WorkflowHub.Rules.Decisions;

/// <summary>Why a decision was taken, as one sentence in each language, with the concrete numbers.</summary>
public sealed record DecisionReason(string Chinese, string English);
