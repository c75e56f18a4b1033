using FluentValidation;
using Mediator;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Engine;

namespace WorkflowHub.Campaign.Features.Definitions;

/// <summary>
/// The names one deployed version's diagram gives its elements (隐患定级 for <c>Task_GradeHazard</c>), by element id;
/// elements without a name are left out. Readable by everyone who may read the diagram itself.
/// </summary>
[AllowAnyAuthenticatedUser]
public sealed record GetElementNames(string DefinitionId) : IQuery<IReadOnlyDictionary<string, string>>;

public sealed class GetElementNamesValidator : AbstractValidator<GetElementNames>
{
    // Ids are "key:version:hash"; a key is at most WorkflowDraft.KeyMaxLength long.
    private const int MaxDefinitionIdLength = 300;

    public GetElementNamesValidator()
    {
        RuleFor(q => q.DefinitionId).NotEmpty().MaximumLength(MaxDefinitionIdLength);
    }
}

public sealed class GetElementNamesHandler(IWorkflowEngine engine) : IQueryHandler<GetElementNames, IReadOnlyDictionary<string, string>>
{
    public async ValueTask<IReadOnlyDictionary<string, string>> Handle(GetElementNames query, CancellationToken cancellationToken)
    {
        var model = await engine.GetProcessModelAsync(query.DefinitionId, cancellationToken)
            ?? throw Infrastructure.Pipeline.NotFoundException.For("Process definition", query.DefinitionId);
        return model.Nodes.Values
            .Where(node => !string.IsNullOrWhiteSpace(node.Name))
            .ToDictionary(node => node.Id, node => node.Name!, StringComparer.Ordinal);
    }
}
