using Mediator;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Audit;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Features.Audit;

/// <summary>Recomputes the whole audit chain and reports the first entry where it breaks.</summary>
[RequireRoles(Roles.Auditor, Roles.Admin)]
public sealed record VerifyAuditChain : IQuery<AuditVerification>;

public sealed class VerifyAuditChainHandler(AuditChainVerifier verifier) : IQueryHandler<VerifyAuditChain, AuditVerification>
{
    public async ValueTask<AuditVerification> Handle(VerifyAuditChain query, CancellationToken cancellationToken) =>
        await verifier.VerifyAsync(cancellationToken);
}
