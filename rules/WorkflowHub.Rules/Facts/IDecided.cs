using WorkflowHub.Rules.Decisions;

namespace WorkflowHub.Rules.Facts;

/// <summary>
/// A decision already taken: an earlier one (<see cref="DecisionFact"/>) or one proposed in this
/// evaluation. Rules check "not already decided" against this, so no rung repeats; they check the
/// previous rung against <see cref="DecisionFact"/> only, so the ladder climbs one rung per evaluation.
/// </summary>
public interface IDecided
{
    DecisionKind Kind { get; }

    SubjectType SubjectType { get; }

    string SubjectId { get; }

    string AddresseeUnitCode { get; }

    string RuleName { get; }

    DateTimeOffset DecidedAt { get; }
}
