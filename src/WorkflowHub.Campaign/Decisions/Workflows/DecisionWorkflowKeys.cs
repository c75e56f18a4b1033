using WorkflowHub.Rules.Decisions;

namespace WorkflowHub.Campaign.Decisions.Workflows;

/// <summary>Which decisions start a workflow, and which one (business key = the decision id).</summary>
public static class DecisionWorkflowKeys
{
    public const string Interview = "interview";
    public const string AccountabilityReferral = "accountability-referral";

    /// <summary>The variable the started workflow ends with (completed/escalated, sanctioned/notSanctioned/withdrawn).</summary>
    public const string OutcomeVariable = "outcome";

    public static string? For(DecisionKind kind) => kind switch
    {
        DecisionKind.Interview => Interview,
        DecisionKind.AccountabilityReferral or DecisionKind.DisciplineReferral => AccountabilityReferral,
        _ => null,
    };

    public static IReadOnlyList<DecisionKind> StartingKinds { get; } =
        [DecisionKind.Interview, DecisionKind.AccountabilityReferral, DecisionKind.DisciplineReferral];
}
