using Mediator;
using WorkflowHub.Campaign.Features.Decisions;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Decisions.Replay;

/// <summary>POST /api/decisions/{id}/replay: re-runs the rules on the stored snapshot and policy version (auditors, admins).</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/decisions/{id:guid}/replay", HandleAsync)
            .WithTags("Decisions")
            .WithName("ReplayDecision")
            .Produces<ReplayView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ReplayDecision(id), cancellationToken));
}
