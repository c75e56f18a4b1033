using Mediator;
using WorkflowHub.Campaign.Decisions.Policy;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Features.Rules;

/// <summary>The thresholds in force (the latest policy version).</summary>
[AllowAnyAuthenticatedUser]
public sealed record GetPolicy : IQuery<PolicyVersionView>;

public sealed class GetPolicyHandler(PolicyStore policies) : IQueryHandler<GetPolicy, PolicyVersionView>
{
    public async ValueTask<PolicyVersionView> Handle(GetPolicy query, CancellationToken cancellationToken) =>
        PolicyVersionView.From((await policies.GetCurrentAsync(cancellationToken)).Record);
}
