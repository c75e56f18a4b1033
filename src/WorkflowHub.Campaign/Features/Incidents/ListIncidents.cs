using FluentValidation;
using Mediator;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Features.Instances;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Workflows;
using WorkflowHub.Engine;
using WorkflowHub.Engine.Persistence;

namespace WorkflowHub.Campaign.Features.Incidents;

/// <summary>Incidents, oldest first: open ones by default, or every state with <see cref="AllStates"/>.</summary>
[RequireRoles(Roles.Admin, Roles.CommitteeOffice, Roles.Auditor)]
public sealed record ListIncidents(Guid? InstanceId, IncidentState? State, bool AllStates = false, int Skip = 0, int Take = Paging.DefaultTake)
    : IQuery<Page<IncidentView>>;

public sealed class ListIncidentsValidator : AbstractValidator<ListIncidents>
{
    public ListIncidentsValidator()
    {
        RuleFor(q => q.Skip).InclusiveBetween(0, Paging.MaxSkip);
        RuleFor(q => q.Take).InclusiveBetween(1, Paging.MaxTake);
        RuleFor(q => q.State).IsInEnum();
    }
}

public sealed class ListIncidentsHandler(IWorkflowEngine engine) : IQueryHandler<ListIncidents, Page<IncidentView>>
{
    public async ValueTask<Page<IncidentView>> Handle(ListIncidents query, CancellationToken cancellationToken)
    {
        var page = await engine.Queries.QueryIncidentsAsync(
            new IncidentQuery
            {
                InstanceId = query.InstanceId,
                State = query.AllStates ? null : query.State ?? IncidentState.Open,
                Skip = query.Skip,
                Take = query.Take,
            },
            cancellationToken);
        return new Page<IncidentView>(page.Items.Select(IncidentView.From).ToList(), page.TotalCount);
    }
}
