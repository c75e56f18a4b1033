using Mediator;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Workflows;
using WorkflowHub.Engine;

namespace WorkflowHub.Campaign.Features.Instances;

/// <summary>Cancels an active instance: its tasks, timers and subscriptions end; history records who cancelled it.</summary>
[RequireRoles(Roles.Admin, Roles.CommitteeOffice)]
public sealed record CancelInstance(Guid Id) : ICommand<InstanceDetails>;

public sealed class CancelInstanceHandler(IWorkflowEngine engine, ICurrentUser user) : ICommandHandler<CancelInstance, InstanceDetails>
{
    public async ValueTask<InstanceDetails> Handle(CancelInstance command, CancellationToken cancellationToken)
    {
        await engine.CancelInstanceAsync(command.Id, TaskCandidates.EngineUserId(user), cancellationToken);
        var view = await engine.GetInstanceAsync(command.Id, cancellationToken)
            ?? throw Infrastructure.Pipeline.NotFoundException.For("Instance", command.Id.ToString());
        return InstanceDetails.From(view);
    }
}
