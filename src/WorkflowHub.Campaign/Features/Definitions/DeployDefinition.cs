using FluentValidation;
using Mediator;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Workflows;
using WorkflowHub.Engine;

namespace WorkflowHub.Campaign.Features.Definitions;

/// <summary>Deploys a BPMN file: a new version of each executable process whose XML changed, else the current one.</summary>
[RequireRoles(Roles.Admin)]
public sealed record DeployDefinition(string Xml) : ICommand<DeployDefinitionResult>;

/// <summary>The first deployed process (the usual single-process file) and every process of the file.</summary>
public sealed record DeployDefinitionResult(
    string Id,
    string Key,
    int Version,
    bool IsNewVersion,
    IReadOnlyList<DiagramIssue> Warnings,
    IReadOnlyList<DeployedDefinition> Definitions);

public sealed class DeployDefinitionValidator : AbstractValidator<DeployDefinition>
{
    public DeployDefinitionValidator() => RuleFor(c => c.Xml).ValidXml();
}

public sealed class DeployDefinitionHandler(IWorkflowEngine engine, ICurrentUser user) : ICommandHandler<DeployDefinition, DeployDefinitionResult>
{
    public async ValueTask<DeployDefinitionResult> Handle(DeployDefinition command, CancellationToken cancellationToken)
    {
        // A refused diagram throws BpmnValidationException (400 with each error's element id); nothing is stored.
        var result = await engine.DeployAsync(command.Xml, TaskCandidates.EngineUserId(user), cancellationToken);
        return new DeployDefinitionResult(
            result.Id, result.Key, result.Version, result.IsNewVersion,
            result.Warnings.Select(DiagramIssue.From).ToList(), result.Definitions);
    }
}
