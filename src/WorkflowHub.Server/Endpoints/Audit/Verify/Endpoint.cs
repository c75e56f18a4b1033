using Mediator;
using WorkflowHub.Campaign.Audit;
using WorkflowHub.Campaign.Features.Audit;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Audit.Verify;

/// <summary>GET /api/audit/verify: recomputes the audit chain; <c>valid</c>, entries checked and the first broken entry with its reason.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/audit/verify", HandleAsync)
            .WithTags("Audit")
            .WithName("VerifyAuditChain")
            .WithSummary("Verify the audit chain")
            .WithDescription("Walks every entry in sequence order and recomputes its SHA-256 link. A removed, edited or reordered entry makes `valid` false and names the first entry where the chain breaks. Auditors and admins.")
            .Produces<AuditVerification>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> HandleAsync(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new VerifyAuditChain(), cancellationToken));
}
