using Mediator;
using WorkflowHub.Campaign.Audit;
using WorkflowHub.Campaign.Features.Audit;
using WorkflowHub.Campaign.Workflows;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Audit.List;

/// <summary>GET /api/audit: audit entries newest first, filtered by user, action, outcome and period.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/audit", HandleAsync)
            .WithTags("Audit")
            .WithName("ListAuditEntries")
            .WithSummary("List audit entries")
            .WithDescription("`user` is a user name, `action` a command name such as `ReportHazard`, `from` inclusive and `to` exclusive. Auditors and admins.")
            .Produces<Page<AuditEntryView>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> HandleAsync(
        ISender sender,
        CancellationToken cancellationToken,
        string? user = null,
        string? action = null,
        AuditOutcome? outcome = null,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        int skip = 0,
        int take = Paging.DefaultTake) =>
        TypedResults.Ok(await sender.Send(new ListAuditEntries(user, action, outcome, from, to, skip, take), cancellationToken));
}
