using FluentValidation;
using Mediator;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Engine;

namespace WorkflowHub.Campaign.Features.Definitions;

/// <summary>The deployed versions of a process key, newest first.</summary>
[AllowAnyAuthenticatedUser]
public sealed record ListDefinitionVersions(string Key) : IQuery<IReadOnlyList<DefinitionVersionView>>;

public sealed class ListDefinitionVersionsValidator : AbstractValidator<ListDefinitionVersions>
{
    public ListDefinitionVersionsValidator() => RuleFor(q => q.Key).ValidKey();
}

public sealed class ListDefinitionVersionsHandler(IWorkflowEngine engine) : IQueryHandler<ListDefinitionVersions, IReadOnlyList<DefinitionVersionView>>
{
    public async ValueTask<IReadOnlyList<DefinitionVersionView>> Handle(ListDefinitionVersions query, CancellationToken cancellationToken) =>
        await DefinitionVersions.LoadAsync(engine, query.Key, cancellationToken);
}
