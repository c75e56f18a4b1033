using Mediator;
using WorkflowHub.Campaign.Features.Instances;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Instances.Cancel;

/// <summary>POST /api/instances/{id}/cancel (admins, committee office): cancels an active instance.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/instances/{id:guid}/cancel", HandleAsync)
            .WithTags("Instances")
            .WithName("CancelInstance")
            .Produces<InstanceDetails>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> HandleAsync(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new CancelInstance(id), cancellationToken));
}
