using Mediator;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Engine;

namespace WorkflowHub.Campaign.Features.Instances;

/// <summary>The instance's history, oldest first: what happened, where, when and by whom.</summary>
[AllowAnyAuthenticatedUser]
public sealed record GetInstanceHistory(Guid Id) : IQuery<IReadOnlyList<HistoryEventView>>;

public sealed class GetInstanceHistoryHandler(IWorkflowEngine engine, InstanceAccess access) : IQueryHandler<GetInstanceHistory, IReadOnlyList<HistoryEventView>>
{
    public async ValueTask<IReadOnlyList<HistoryEventView>> Handle(GetInstanceHistory query, CancellationToken cancellationToken)
    {
        if (!await access.MaySeeAsync(query.Id, cancellationToken)
            || await engine.Queries.FindInstanceAsync(query.Id, cancellationToken) is null)
        {
            throw Infrastructure.Pipeline.NotFoundException.For("Instance", query.Id.ToString());
        }

        var history = await engine.Queries.GetHistoryAsync(query.Id, cancellationToken);
        return history.Select(HistoryEventView.From).ToList();
    }
}
