using Mediator;
using WorkflowHub.Campaign.Features.Decisions;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Decisions.Get;

/// <summary>GET /api/decisions/{id}: the decision with its rule, thresholds, matched facts, earlier rungs and started workflow.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/decisions/{id:guid}", HandleAsync)
            .WithTags("Decisions")
            .WithName("GetDecision")
            .Produces<DecisionDetailView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetDecision(id), cancellationToken));
}
