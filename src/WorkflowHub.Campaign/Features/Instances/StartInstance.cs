using System.Text.Json;
using FluentValidation;
using Mediator;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Workflows;
using WorkflowHub.Engine;

namespace WorkflowHub.Campaign.Features.Instances;

/// <summary>Starts the latest version of a process at its none start event.</summary>
[RequireRoles(Roles.Admin, Roles.CommitteeOffice)]
public sealed record StartInstance(string DefinitionKey, string? BusinessKey, JsonElement? Variables) : ICommand<InstanceDetails>;

public sealed class StartInstanceValidator : AbstractValidator<StartInstance>
{
    public StartInstanceValidator()
    {
        RuleFor(c => c.DefinitionKey).NotEmpty().MaximumLength(200);
        RuleFor(c => c.BusinessKey).MaximumLength(200);
        RuleFor(c => c.Variables).MustBeVariables();
    }
}

public sealed class StartInstanceHandler(IWorkflowEngine engine, ICurrentUser user) : ICommandHandler<StartInstance, InstanceDetails>
{
    public async ValueTask<InstanceDetails> Handle(StartInstance command, CancellationToken cancellationToken)
    {
        var view = await engine.StartInstanceAsync(
            command.DefinitionKey,
            string.IsNullOrWhiteSpace(command.BusinessKey) ? null : command.BusinessKey,
            JsonVariables.ToVariables(command.Variables),
            TaskCandidates.EngineUserId(user),
            cancellationToken);
        return InstanceDetails.From(view);
    }
}
