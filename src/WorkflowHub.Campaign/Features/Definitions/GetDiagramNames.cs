using FluentValidation;
using Mediator;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Engine;

namespace WorkflowHub.Campaign.Features.Definitions;

/// <summary>
/// The names one deployed version's diagram gives its process (隐患整改闭环（一患一档）) and its elements (隐患定级 for
/// <c>Task_GradeHazard</c>, by element id; elements without a name are left out). Readable by everyone who may read
/// the diagram itself.
/// </summary>
[AllowAnyAuthenticatedUser]
public sealed record GetDiagramNames(string DefinitionId) : IQuery<DiagramNames>;

public sealed record DiagramNames(string? Process, IReadOnlyDictionary<string, string> Elements)
{
    public static DiagramNames None { get; } = new(null, new Dictionary<string, string>());
}

public sealed class GetDiagramNamesValidator : AbstractValidator<GetDiagramNames>
{
    // Ids are "key:version:hash"; a key is at most WorkflowDraft.KeyMaxLength long.
    private const int MaxDefinitionIdLength = 300;

    public GetDiagramNamesValidator()
    {
        RuleFor(q => q.DefinitionId).NotEmpty().MaximumLength(MaxDefinitionIdLength);
    }
}

public sealed class GetDiagramNamesHandler(IWorkflowEngine engine) : IQueryHandler<GetDiagramNames, DiagramNames>
{
    public async ValueTask<DiagramNames> Handle(GetDiagramNames query, CancellationToken cancellationToken)
    {
        var model = await engine.GetProcessModelAsync(query.DefinitionId, cancellationToken)
            ?? throw Infrastructure.Pipeline.NotFoundException.For("Process definition", query.DefinitionId);
        var elements = model.Nodes.Values
            .Where(node => !string.IsNullOrWhiteSpace(node.Name))
            .ToDictionary(node => node.Id, node => node.Name!, StringComparer.Ordinal);
        return new DiagramNames(model.Name, elements);
    }
}
