using FluentValidation;
using Mediator;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Engine;

namespace WorkflowHub.Campaign.Features.Definitions;

/// <summary>A process key with all its deployed versions, newest first.</summary>
[AllowAnyAuthenticatedUser]
public sealed record GetDefinition(string Key) : IQuery<DefinitionDetails>;

public sealed class GetDefinitionValidator : AbstractValidator<GetDefinition>
{
    public GetDefinitionValidator() => RuleFor(q => q.Key).ValidKey();
}

public sealed class GetDefinitionHandler(IWorkflowEngine engine) : IQueryHandler<GetDefinition, DefinitionDetails>
{
    public async ValueTask<DefinitionDetails> Handle(GetDefinition query, CancellationToken cancellationToken)
    {
        var versions = await DefinitionVersions.LoadAsync(engine, query.Key, cancellationToken);
        return new DefinitionDetails(query.Key, versions[0].Name, versions[0].Version, versions);
    }
}

/// <summary>Reads the versions of one key.</summary>
internal static class DefinitionVersions
{
    /// <exception cref="NotFoundException">Nothing is deployed under the key.</exception>
    public static async Task<IReadOnlyList<DefinitionVersionView>> LoadAsync(IWorkflowEngine engine, string key, CancellationToken cancellationToken)
    {
        var all = await engine.Queries.ListDefinitionsAsync(cancellationToken);
        var versions = all.Where(d => string.Equals(d.Key, key, StringComparison.Ordinal))
            .OrderByDescending(d => d.Version)
            .Select(DefinitionVersionView.From)
            .ToList();
        return versions.Count > 0 ? versions : throw Infrastructure.Pipeline.NotFoundException.For("Process definition", key);
    }
}
