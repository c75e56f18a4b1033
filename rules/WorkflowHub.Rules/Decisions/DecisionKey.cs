namespace WorkflowHub.Rules.Decisions;

/// <summary>What makes two decisions "the same decision": replay compares these.</summary>
public sealed record DecisionKey(
    DecisionKind Kind,
    SubjectType SubjectType,
    string SubjectId,
    string AddresseeUnitCode,
    string RuleName)
{
    public override string ToString() => $"{RuleName}: {Kind} {SubjectType}:{SubjectId} → {AddresseeUnitCode}";
}
