using Mediator;
using WorkflowHub.Campaign.Decisions.Evaluation;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Accounts;

namespace WorkflowHub.Campaign.Features.Decisions;

/// <summary>Runs the daily sweep now (admins), e.g. after a policy change; returns what it looked at and decided.</summary>
[RequireRoles(Roles.Admin)]
public sealed record RunDecisionSweep : ICommand<SweepReport>;

public sealed class RunDecisionSweepHandler(DecisionService decisions, ICurrentUser user) : ICommandHandler<RunDecisionSweep, SweepReport>
{
    public async ValueTask<SweepReport> Handle(RunDecisionSweep command, CancellationToken cancellationToken) =>
        await decisions.SweepAsync($"sweep run on demand by {user.UserName}", cancellationToken);
}
