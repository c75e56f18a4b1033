using WorkflowHub.Rules.Decisions;

namespace WorkflowHub.Rules.Evaluation;

/// <summary>
/// The outcome of re-running the rule set on a stored snapshot. <see cref="Same"/> when the rule set
/// takes the same decision (kind, subject, addressee, rule) with the same reason under the same policy.
/// </summary>
public sealed record ReplayResult(
    bool Same,
    DecisionKey Expected,
    DecisionProposal? Replayed,
    bool RuleSetVersionMatches,
    IReadOnlyList<string> Differences);
