using Mediator;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Workflows;
using WorkflowHub.Engine;

namespace WorkflowHub.Campaign.Features.Incidents;

/// <summary>Resolves an open incident and retries what failed (a job gets its retries back; an element runs again).</summary>
[RequireRoles(Roles.Admin)]
public sealed record RetryIncident(Guid Id) : ICommand<RetryIncidentResult>;

public sealed record RetryIncidentResult(Guid Id, bool Resolved);

public sealed class RetryIncidentHandler(IWorkflowEngine engine, ICurrentUser user) : ICommandHandler<RetryIncident, RetryIncidentResult>
{
    public async ValueTask<RetryIncidentResult> Handle(RetryIncident command, CancellationToken cancellationToken)
    {
        // An unknown or already resolved incident throws IncidentNotFoundException (404).
        await engine.RetryIncidentAsync(command.Id, TaskCandidates.EngineUserId(user), cancellationToken);
        return new RetryIncidentResult(command.Id, true);
    }
}
