using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Decisions;
using WorkflowHub.Campaign.Decisions.Policy;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Engine;
using WorkflowHub.Rules.Catalogue;
using WorkflowHub.Rules.Serialization;

namespace WorkflowHub.Campaign.Features.Decisions;

/// <summary>
/// The full explanation of one decision: the rule and its description, the thresholds it read as they were in the
/// policy version in force, the facts it matched, the earlier rungs of the same subject's ladder, and the workflow
/// it started with that workflow's outcome.
/// </summary>
[AllowAnyAuthenticatedUser]
public sealed record GetDecision(Guid Id) : IQuery<DecisionDetailView>;

public sealed class GetDecisionHandler(CampaignDbContext db, ICurrentUser user, PolicyStore policies, IServiceProvider services)
    : IQueryHandler<GetDecision, DecisionDetailView>
{
    public async ValueTask<DecisionDetailView> Handle(GetDecision query, CancellationToken cancellationToken)
    {
        var record = await DecisionAccess.LoadVisibleAsync(db, user, query.Id, cancellationToken);
        var snapshot = record.ReadSnapshot();
        var rule = RuleCatalogue.Describe().FirstOrDefault(r => r.Name == record.RuleName);

        var thresholds = new List<ThresholdView>();
        if (rule is not null && await policies.FindAsync(record.PolicyVersionNumber, cancellationToken) is { } stored)
        {
            thresholds.AddRange(rule.PolicyKeys.Select(key => new ThresholdView(
                key.Path, stored.Policy[key.Path], key.Kind.ToString(), key.DescriptionChinese, key.DescriptionEnglish)));
        }

        // Earlier rungs: what was decided about the same subject before (or with) this decision, oldest first.
        var ladder = await db.Set<DecisionRecord>().AsNoTracking()
            .VisibleTo(user, d => d.AddresseeUnitCode)
            .Where(d => d.SubjectType == record.SubjectType && d.SubjectId == record.SubjectId && d.Id != record.Id && d.DecidedAt <= record.DecidedAt)
            .OrderBy(d => d.DecidedAt)
            .ThenBy(d => d.RuleName)
            .ToListAsync(cancellationToken);

        return new DecisionDetailView(
            DecisionSummaryView.From(record),
            record.RuleSetVersion,
            record.PolicyHash,
            rule is null ? null : RuleView.From(rule),
            thresholds,
            snapshot.Matched.Select(m => new MatchedFactView(m.Declaration, m.FactType, m.Value)).ToList(),
            JsonSerializer.SerializeToElement(snapshot.Inputs, RulesJson.Options),
            ladder.Select(DecisionSummaryView.From).ToList(),
            await StartedWorkflowAsync(record, cancellationToken));
    }

    private async Task<StartedWorkflowView?> StartedWorkflowAsync(DecisionRecord record, CancellationToken cancellationToken)
    {
        if (record.StartedInstanceId is not { } instanceId)
        {
            return null;
        }

        var engine = (IWorkflowEngine?)services.GetService(typeof(IWorkflowEngine));
        var instance = engine is null ? null : await engine.Queries.FindInstanceAsync(instanceId, cancellationToken);
        return new StartedWorkflowView(instanceId, record.StartedWorkflowKey, instance?.State.ToString(), record.Outcome, record.OutcomeAt);
    }
}
