using Mediator;
using WorkflowHub.Campaign.Features.Hazards;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Hazards.Get;

/// <summary>GET /api/hazards/{id}: the hazard's whole file (data, current task, history, evidence, decisions).</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/hazards/{id:guid}", HandleAsync)
            .WithTags("Hazards")
            .WithName("GetHazard")
            .Produces<HazardFile>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetHazard(id), cancellationToken));
}
