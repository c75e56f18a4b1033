using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Campaign.Hazards.Changes;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Engine;

namespace WorkflowHub.Campaign.Hazards;

/// <summary>
/// The <c>hazard-state</c> external tasks of the hazard loop: listing a major hazard for supervision (挂牌督办) and
/// closing the hazard (销号) in the registry. Idempotent, since the engine may call a handler more than once.
/// </summary>
public sealed class HazardStateHandler(IServiceScopeFactory scopeFactory, TimeProvider timeProvider, HazardChangePublisher changes) : IExternalTaskHandler
{
    public string Topic => HazardWorkflow.StateTopic;

    public async Task<ExternalTaskResult> HandleAsync(ExternalTaskContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<CampaignDbContext>();
        var hazard = await db.Hazards.SingleOrDefaultAsync(h => h.InstanceId == context.InstanceId, cancellationToken)
            ?? await db.Hazards.SingleOrDefaultAsync(h => h.Number == context.BusinessKey, cancellationToken);
        if (hazard is null)
        {
            return ExternalTaskResult.Failure($"No hazard belongs to workflow instance {context.InstanceId} (business key '{context.BusinessKey}').");
        }

        HazardChangeKind kind;
        switch (context.ElementId)
        {
            case HazardWorkflow.Elements.ListSupervision:
                hazard.ListedForSupervision = true;
                hazard.Grade = HazardGrade.Major;
                kind = HazardChangeKind.ListedForSupervision;
                break;
            case HazardWorkflow.Elements.CloseHazard:
                hazard.State = HazardState.Closed;
                hazard.ClosedAt ??= timeProvider.GetUtcNow();
                kind = HazardChangeKind.Closed;
                break;
            default:
                return ExternalTaskResult.Failure($"The hazard-state topic has no action for element '{context.ElementId}'.");
        }

        await db.SaveChangesAsync(cancellationToken);
        await changes.PublishAsync(
            new HazardChange(hazard.Id, hazard.Number, kind, $"hazard {hazard.Number} {(kind == HazardChangeKind.Closed ? "closed" : "listed for supervision")} ({HazardWorkflow.ProcessKey}/{context.ElementId})"),
            cancellationToken);
        return ExternalTaskResult.Success();
    }
}
