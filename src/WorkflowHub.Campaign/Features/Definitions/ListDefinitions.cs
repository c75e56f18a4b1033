using Mediator;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Engine;

namespace WorkflowHub.Campaign.Features.Definitions;

/// <summary>Every deployed process key with its latest version, by key.</summary>
[AllowAnyAuthenticatedUser]
public sealed record ListDefinitions : IQuery<IReadOnlyList<DefinitionSummary>>;

public sealed class ListDefinitionsHandler(IWorkflowEngine engine) : IQueryHandler<ListDefinitions, IReadOnlyList<DefinitionSummary>>
{
    public async ValueTask<IReadOnlyList<DefinitionSummary>> Handle(ListDefinitions query, CancellationToken cancellationToken)
    {
        var definitions = await engine.Queries.ListDefinitionsAsync(cancellationToken);
        return definitions
            .GroupBy(d => d.Key, StringComparer.Ordinal)
            .Select(versions => versions.MaxBy(d => d.Version)!)
            .OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => new DefinitionSummary(d.Key, d.Name, d.Version, d.Id, d.DeployedAt, d.DeployedBy))
            .ToList();
    }
}
