using FluentValidation;
using Mediator;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Workflows;
using WorkflowHub.Engine;
using WorkflowHub.Engine.Persistence;

namespace WorkflowHub.Campaign.Features.Instances;

/// <summary>Instances, newest first, filtered; users who do not see all work get only the instances they have or had a task in.</summary>
[AllowAnyAuthenticatedUser]
public sealed record ListInstances(string? DefinitionKey, string? BusinessKey, InstanceState? State, int Skip = 0, int Take = Paging.DefaultTake)
    : IQuery<Page<InstanceSummary>>;

public sealed class ListInstancesValidator : AbstractValidator<ListInstances>
{
    public ListInstancesValidator()
    {
        RuleFor(q => q.Skip).InclusiveBetween(0, Paging.MaxSkip);
        RuleFor(q => q.Take).InclusiveBetween(1, Paging.MaxTake);
        RuleFor(q => q.State).IsInEnum();
    }
}

public sealed class ListInstancesHandler(IWorkflowEngine engine, InstanceAccess access) : IQueryHandler<ListInstances, Page<InstanceSummary>>
{
    public async ValueTask<Page<InstanceSummary>> Handle(ListInstances query, CancellationToken cancellationToken)
    {
        var filter = new InstanceQuery
        {
            DefinitionKey = Blank(query.DefinitionKey),
            BusinessKey = Blank(query.BusinessKey),
            State = query.State,
            Skip = query.Skip,
            Take = query.Take,
        };
        if (access.SeesAll)
        {
            var page = await engine.Queries.QueryInstancesAsync(filter, cancellationToken);
            return new Page<InstanceSummary>(page.Items.Select(InstanceSummary.From).ToList(), page.TotalCount);
        }

        // The user's own instances are few (those of their tasks): load them and filter here.
        var visible = new List<InstanceRecord>();
        foreach (var id in await access.OwnInstanceIdsAsync(cancellationToken))
        {
            if (await engine.Queries.FindInstanceAsync(id, cancellationToken) is { } instance && Matches(instance, filter))
            {
                visible.Add(instance);
            }
        }

        var ordered = visible.OrderByDescending(i => i.StartedAt).ThenBy(i => i.Id).ToList();
        return new Page<InstanceSummary>(ordered.Skip(query.Skip).Take(query.Take).Select(InstanceSummary.From).ToList(), ordered.Count);
    }

    private static bool Matches(InstanceRecord instance, InstanceQuery filter) =>
        (filter.DefinitionKey is null || instance.DefinitionKey == filter.DefinitionKey)
        && (filter.BusinessKey is null || instance.BusinessKey == filter.BusinessKey)
        && (filter.State is null || instance.State == filter.State);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
