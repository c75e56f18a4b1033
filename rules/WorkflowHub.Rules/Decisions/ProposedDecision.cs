using NRules.RuleModel;
using WorkflowHub.Rules.Facts;

namespace WorkflowHub.Rules.Decisions;

/// <summary>
/// A decision a rule has just proposed, inserted into the session so that later activations of the
/// same rule for the same subject see it and stand down.
/// </summary>
internal sealed class ProposedDecision : IDecided
{
    public required DecisionKind Kind { get; init; }

    public required SubjectType SubjectType { get; init; }

    public required string SubjectId { get; init; }

    public required string AddresseeUnitCode { get; init; }

    public required string RuleName { get; init; }

    public required DateTimeOffset DecidedAt { get; init; }

    public required DecisionReason Reason { get; init; }

    /// <summary>The facts the rule matched (NRules <see cref="IFactMatch"/>), captured at firing.</summary>
    public required IReadOnlyList<MatchedFact> Matched { get; init; }

    /// <summary>The matched fact objects themselves, to rebuild the subject's fact scope for the snapshot.</summary>
    public IReadOnlyList<object> MatchedValues { get; init; } = [];

    public DecisionKey Key => new(Kind, SubjectType, SubjectId, AddresseeUnitCode, RuleName);
}
