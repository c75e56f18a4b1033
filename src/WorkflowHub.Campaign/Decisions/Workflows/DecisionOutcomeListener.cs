using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Engine;
using WorkflowHub.Engine.Persistence;

namespace WorkflowHub.Campaign.Decisions.Workflows;

/// <summary>
/// When an interview or referral a decision started ends, records its outcome on the decision at once
/// (the sweep catches any this listener missed, e.g. while the server was down).
/// </summary>
public sealed class DecisionOutcomeListener(IServiceScopeFactory scopes) : IEngineEventListener
{
    public async Task OnInstanceEndedAsync(InstanceRecord instance, CancellationToken cancellationToken)
    {
        if (instance.DefinitionKey is not (DecisionWorkflowKeys.Interview or DecisionWorkflowKeys.AccountabilityReferral))
        {
            return;
        }

        await using var scope = scopes.CreateSystemScope();
        var services = scope.ServiceProvider;
        var workflows = ActivatorUtilities.CreateInstance<DecisionWorkflows>(services, services.GetRequiredService<CampaignDbContext>());
        await workflows.RecordOutcomeAsync(instance.Id, cancellationToken);
    }
}
