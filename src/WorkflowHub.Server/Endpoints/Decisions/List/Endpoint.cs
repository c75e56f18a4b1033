using Mediator;
using WorkflowHub.Campaign.Features.Decisions;
using WorkflowHub.Campaign.Workflows;
using WorkflowHub.Rules.Decisions;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Decisions.List;

/// <summary>GET /api/decisions: decisions newest first, filtered by kind, subject, addressee unit, rule and period.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/decisions", HandleAsync)
            .WithTags("Decisions")
            .WithName("ListDecisions")
            .Produces<Page<DecisionSummaryView>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<IResult> HandleAsync(
        ISender sender,
        CancellationToken cancellationToken,
        DecisionKind? kind = null,
        SubjectType? subjectType = null,
        string? subjectId = null,
        string? unit = null,
        string? rule = null,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        int skip = 0,
        int take = Paging.DefaultTake) =>
        TypedResults.Ok(await sender.Send(new ListDecisions(kind, subjectType, subjectId, unit, rule, from, to, skip, take), cancellationToken));
}
