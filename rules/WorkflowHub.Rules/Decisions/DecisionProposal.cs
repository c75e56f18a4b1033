using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Policy;

namespace WorkflowHub.Rules.Decisions;

/// <summary>
/// A decision the rule set took, immutable and complete: what the application stores as the
/// decision record (adding its own id and, later, the workflow instance the decision started).
/// </summary>
public sealed record DecisionProposal
{
    public required DecisionKind Kind { get; init; }

    public required SubjectType SubjectType { get; init; }

    public required string SubjectId { get; init; }

    public required string AddresseeUnitCode { get; init; }

    public required string RuleName { get; init; }

    public required string RuleSetVersion { get; init; }

    public required PolicyVersion PolicyVersion { get; init; }

    public required DecisionReason Reason { get; init; }

    public required EvaluationTrigger Trigger { get; init; }

    /// <summary>The evaluation's "now" (the clock fact), not the wall clock.</summary>
    public required DateTimeOffset DecidedAt { get; init; }

    public required DecisionSnapshot Snapshot { get; init; }

    public DecisionKey Key => new(Kind, SubjectType, SubjectId, AddresseeUnitCode, RuleName);

    /// <summary>The fact later evaluations see once the application has stored this decision under <paramref name="decisionId"/>.</summary>
    public DecisionFact ToFact(string decisionId) => new()
    {
        Id = decisionId,
        Kind = Kind,
        SubjectType = SubjectType,
        SubjectId = SubjectId,
        AddresseeUnitCode = AddresseeUnitCode,
        RuleName = RuleName,
        DecidedAt = DecidedAt,
    };
}
