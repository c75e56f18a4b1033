using Mediator;
using WorkflowHub.Campaign.Features.Instances;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Instances.Get;

/// <summary>GET /api/instances/{id}: state, variables, active and completed element ids, incidents.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/instances/{id:guid}", HandleAsync)
            .WithTags("Instances")
            .WithName("GetInstance")
            .Produces<InstanceDetails>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetInstance(id), cancellationToken));
}
