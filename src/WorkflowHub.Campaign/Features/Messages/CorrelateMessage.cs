using System.Text.Json;
using FluentValidation;
using Mediator;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Workflows;
using WorkflowHub.Engine;

namespace WorkflowHub.Campaign.Features.Messages;

/// <summary>
/// Delivers a message to every instance waiting for it whose business key and correlation variables match (or starts the
/// processes with that message start event). Nothing waiting is a 404, so a sender learns its message went nowhere.
/// </summary>
[RequireRoles(Roles.Admin, Roles.CommitteeOffice)]
public sealed record CorrelateMessage(string Name, string? BusinessKey, JsonElement? CorrelationKeys, JsonElement? Variables) : ICommand<CorrelateMessageResult>;

public sealed record CorrelateMessageResult(IReadOnlyList<Guid> InstanceIds);

public sealed class CorrelateMessageValidator : AbstractValidator<CorrelateMessage>
{
    public CorrelateMessageValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.BusinessKey).MaximumLength(200);
        RuleFor(c => c.CorrelationKeys).MustBeVariables();
        RuleFor(c => c.Variables).MustBeVariables();
    }
}

public sealed class CorrelateMessageHandler(IWorkflowEngine engine, ICurrentUser user) : ICommandHandler<CorrelateMessage, CorrelateMessageResult>
{
    public async ValueTask<CorrelateMessageResult> Handle(CorrelateMessage command, CancellationToken cancellationToken)
    {
        var correlationKeys = JsonVariables.ToVariables(command.CorrelationKeys);
        var reached = await engine.CorrelateMessageAsync(
            command.Name,
            string.IsNullOrWhiteSpace(command.BusinessKey) ? null : command.BusinessKey,
            correlationKeys.Count == 0 ? null : correlationKeys,
            JsonVariables.ToVariables(command.Variables),
            TaskCandidates.EngineUserId(user),
            cancellationToken);
        if (reached.Count == 0)
        {
            throw new Infrastructure.Pipeline.NotFoundException(command.BusinessKey is null
                ? $"No instance waits for the message '{command.Name}'."
                : $"No instance with business key '{command.BusinessKey}' waits for the message '{command.Name}'.");
        }

        return new CorrelateMessageResult(reached);
    }
}
