using Mediator;
using WorkflowHub.Campaign.Features.Instances;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Instances.History;

/// <summary>GET /api/instances/{id}/history: the instance's events, oldest first.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/instances/{id:guid}/history", HandleAsync)
            .WithTags("Instances")
            .WithName("GetInstanceHistory")
            .Produces<IReadOnlyList<HistoryEventView>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetInstanceHistory(id), cancellationToken));
}
