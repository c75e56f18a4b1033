using WorkflowHub.Rules.Decisions;

namespace WorkflowHub.Server.Pages.Decisions;

/// <summary>How strongly a decision kind is shown: referrals red, interviews and circulars amber, guidance green.</summary>
public static class DecisionBadges
{
    public static string For(DecisionKind kind) => kind switch
    {
        DecisionKind.AccountabilityReferral or DecisionKind.DisciplineReferral or DecisionKind.JudicialReferral => "wh-badge-danger",
        DecisionKind.Interview or DecisionKind.Circular or DecisionKind.Warning or DecisionKind.ListedSupervision => "wh-badge-warning",
        DecisionKind.FollowUpGuidance => "wh-badge-success",
        _ => "wh-badge-info",
    };
}
