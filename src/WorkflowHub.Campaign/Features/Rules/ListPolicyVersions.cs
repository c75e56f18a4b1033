using Mediator;
using WorkflowHub.Campaign.Decisions.Policy;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Features.Rules;

/// <summary>Every version of the thresholds ever saved, newest first (the first is in force).</summary>
[AllowAnyAuthenticatedUser]
public sealed record ListPolicyVersions : IQuery<IReadOnlyList<PolicyVersionView>>;

public sealed class ListPolicyVersionsHandler(PolicyStore policies) : IQueryHandler<ListPolicyVersions, IReadOnlyList<PolicyVersionView>>
{
    public async ValueTask<IReadOnlyList<PolicyVersionView>> Handle(ListPolicyVersions query, CancellationToken cancellationToken) =>
        (await policies.ListAsync(cancellationToken)).Select(PolicyVersionView.From).ToList();
}
