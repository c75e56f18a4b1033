using System.Text.Json;
using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Policy;
using WorkflowHub.Rules.Serialization;

namespace WorkflowHub.Rules.Decisions;

/// <summary>
/// Everything needed to re-run a decision: the facts its subject had when the evaluation started
/// (not only the matched ones), the matched facts as serialised at firing, the policy version and
/// rule-set version in force, and the decision that was taken. Stored as JSON with the decision.
/// </summary>
public sealed record DecisionSnapshot
{
    public required DecisionKey Decision { get; init; }

    public required DecisionReason Reason { get; init; }

    public required string RuleSetVersion { get; init; }

    public required PolicyVersion PolicyVersion { get; init; }

    public required EvaluationTrigger Trigger { get; init; }

    public required FactSet Inputs { get; init; }

    public required IReadOnlyList<MatchedFact> Matched { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, RulesJson.Options);

    public static DecisionSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<DecisionSnapshot>(json, RulesJson.Options)
        ?? throw new JsonException("A decision snapshot cannot be null.");
}
