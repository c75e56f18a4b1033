using WorkflowHub.Rules.Decisions;

namespace WorkflowHub.Rules.Facts;

/// <summary>An earlier decision, loaded by the application from its decision records.</summary>
public sealed class DecisionFact : IDecided
{
    public required string Id { get; init; }

    public required DecisionKind Kind { get; init; }

    public required SubjectType SubjectType { get; init; }

    public required string SubjectId { get; init; }

    public required string AddresseeUnitCode { get; init; }

    public required string RuleName { get; init; }

    public required DateTimeOffset DecidedAt { get; init; }

    public bool IsAbout(SubjectType subjectType, string subjectId) =>
        SubjectType == subjectType && SubjectId == subjectId;
}
