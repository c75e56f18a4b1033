using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Engine;

namespace WorkflowHub.Campaign.Hazards;

/// <summary>
/// The <c>hazard-state</c> external tasks of the hazard loop: listing a major hazard for supervision (挂牌督办) and
/// closing the hazard (销号) in the registry. Idempotent, since the engine may call a handler more than once.
/// </summary>
public sealed class HazardStateHandler(IServiceScopeFactory scopeFactory, TimeProvider timeProvider) : IExternalTaskHandler
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

        switch (context.ElementId)
        {
            case HazardWorkflow.Elements.ListSupervision:
                hazard.ListedForSupervision = true;
                hazard.Grade = HazardGrade.Major;
                break;
            case HazardWorkflow.Elements.CloseHazard:
                hazard.State = HazardState.Closed;
                hazard.ClosedAt ??= timeProvider.GetUtcNow();
                break;
            default:
                return ExternalTaskResult.Failure($"The hazard-state topic has no action for element '{context.ElementId}'.");
        }

        await db.SaveChangesAsync(cancellationToken);
        return ExternalTaskResult.Success();
    }
}
