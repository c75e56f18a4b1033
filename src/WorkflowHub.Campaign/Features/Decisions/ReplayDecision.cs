using Mediator;
using WorkflowHub.Campaign.Decisions.Policy;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Rules.Evaluation;
using WorkflowHub.Campaign.Accounts;

namespace WorkflowHub.Campaign.Features.Decisions;

/// <summary>
/// Re-runs the rule set on the decision's stored snapshot under the policy version it was taken with, and reports
/// whether it decides the same (kind, subject, addressee, rule and reason), naming every difference.
/// </summary>
[RequireRoles(Roles.Auditor, Roles.Admin)]
public sealed record ReplayDecision(Guid Id) : ICommand<ReplayView>;

/// <summary>The outcome of a replay.</summary>
public sealed record ReplayView(
    Guid DecisionId,
    bool Same,
    IReadOnlyList<string> Differences,
    string StoredRuleSetVersion,
    string CurrentRuleSetVersion,
    bool RuleSetVersionMatches,
    int PolicyVersionNumber,
    string? ReplayedReasonZh,
    string? ReplayedReasonEn);

public sealed class ReplayDecisionHandler(CampaignDbContext db, ICurrentUser user, PolicyStore policies, RuleSetEvaluator evaluator)
    : ICommandHandler<ReplayDecision, ReplayView>
{
    public async ValueTask<ReplayView> Handle(ReplayDecision command, CancellationToken cancellationToken)
    {
        var record = await DecisionAccess.LoadVisibleAsync(db, user, command.Id, cancellationToken);
        var snapshot = record.ReadSnapshot();
        var stored = await policies.FindAsync(snapshot.PolicyVersion.Number, cancellationToken)
            ?? throw NotFoundException.For("Policy version", snapshot.PolicyVersion.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var result = evaluator.Replay(snapshot, stored.Policy);
        return new ReplayView(
            record.Id,
            result.Same,
            result.Differences,
            snapshot.RuleSetVersion,
            evaluator.RuleSetVersion,
            result.RuleSetVersionMatches,
            snapshot.PolicyVersion.Number,
            result.Replayed?.Reason.Chinese,
            result.Replayed?.Reason.English);
    }
}
