using Mediator;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Engine;

namespace WorkflowHub.Campaign.Features.Instances;

/// <summary>An instance with its variables, active and completed elements and incidents (see <see cref="InstanceAccess"/> for who may read it).</summary>
[AllowAnyAuthenticatedUser]
public sealed record GetInstance(Guid Id) : IQuery<InstanceDetails>;

public sealed class GetInstanceHandler(IWorkflowEngine engine, InstanceAccess access) : IQueryHandler<GetInstance, InstanceDetails>
{
    public async ValueTask<InstanceDetails> Handle(GetInstance query, CancellationToken cancellationToken)
    {
        // An instance the user may not read is answered like a missing one, so ids cannot be probed.
        var view = await access.MaySeeAsync(query.Id, cancellationToken)
            ? await engine.GetInstanceAsync(query.Id, cancellationToken)
            : null;
        return view is null ? throw Infrastructure.Pipeline.NotFoundException.For("Instance", query.Id.ToString()) : InstanceDetails.From(view);
    }
}
