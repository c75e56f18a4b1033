using FluentValidation;
using Mediator;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Engine;

namespace WorkflowHub.Campaign.Features.Definitions;

/// <summary>The XML of one version (the latest when <see cref="Version"/> is null), exactly as it was deployed.</summary>
[AllowAnyAuthenticatedUser]
public sealed record GetDefinitionXml(string Key, int? Version) : IQuery<string>;

public sealed class GetDefinitionXmlValidator : AbstractValidator<GetDefinitionXml>
{
    public GetDefinitionXmlValidator()
    {
        RuleFor(q => q.Key).ValidKey();
        RuleFor(q => q.Version).GreaterThan(0);
    }
}

public sealed class GetDefinitionXmlHandler(IWorkflowEngine engine) : IQueryHandler<GetDefinitionXml, string>
{
    public async ValueTask<string> Handle(GetDefinitionXml query, CancellationToken cancellationToken)
    {
        var record = query.Version is { } version
            ? await engine.Queries.FindDefinitionByVersionAsync(query.Key, version, cancellationToken)
            : await engine.Queries.FindLatestDefinitionAsync(query.Key, cancellationToken);
        return record?.Xml
            ?? throw Infrastructure.Pipeline.NotFoundException.For("Process definition", query.Version is null ? query.Key : $"{query.Key} version {query.Version}");
    }
}
