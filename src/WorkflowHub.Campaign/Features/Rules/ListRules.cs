using Mediator;
using WorkflowHub.Campaign.Features.Decisions;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Rules.Catalogue;
using WorkflowHub.Rules.Evaluation;

namespace WorkflowHub.Campaign.Features.Rules;

/// <summary>The rules catalogue: every rule with its bilingual description, tags and the policy keys it reads.</summary>
[AllowAnyAuthenticatedUser]
public sealed record ListRules : IQuery<RuleCatalogueView>;

public sealed record RuleCatalogueView(string RuleSetVersion, IReadOnlyList<RuleView> Rules);

public sealed class ListRulesHandler : IQueryHandler<ListRules, RuleCatalogueView>
{
    public ValueTask<RuleCatalogueView> Handle(ListRules query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new RuleCatalogueView(RuleSetVersion.Current, RuleCatalogue.Describe().Select(RuleView.From).ToList()));
}
