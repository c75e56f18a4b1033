using FluentValidation;
using Mediator;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Engine;

namespace WorkflowHub.Campaign.Features.Definitions;

/// <summary>What a deploy would say about a diagram, without storing anything (the designer's "validate" button).</summary>
[RequireRoles(Roles.Admin)]
public sealed record ValidateDefinition(string Xml) : IQuery<DefinitionValidationResult>;

public sealed record DefinitionValidationResult(IReadOnlyList<DiagramIssue> Errors, IReadOnlyList<DiagramIssue> Warnings);

public sealed class ValidateDefinitionValidator : AbstractValidator<ValidateDefinition>
{
    public ValidateDefinitionValidator() => RuleFor(c => c.Xml).ValidXml();
}

public sealed class ValidateDefinitionHandler(IWorkflowEngine engine) : IQueryHandler<ValidateDefinition, DefinitionValidationResult>
{
    public ValueTask<DefinitionValidationResult> Handle(ValidateDefinition query, CancellationToken cancellationToken)
    {
        var (errors, warnings) = engine.Validate(query.Xml);
        return ValueTask.FromResult(new DefinitionValidationResult(
            errors.Select(DiagramIssue.From).ToList(),
            warnings.Select(DiagramIssue.From).ToList()));
    }
}
