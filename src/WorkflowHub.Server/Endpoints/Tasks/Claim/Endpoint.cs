using Mediator;
using WorkflowHub.Campaign.Features.Tasks;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Tasks.Claim;

/// <summary>POST /api/tasks/{id}/claim: takes a task offered to the caller; 403 when it is not theirs, 409 when already completed.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/tasks/{id:guid}/claim", HandleAsync)
            .WithTags("Tasks")
            .WithName("ClaimTask")
            .Produces<TaskDetails>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> HandleAsync(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ClaimTask(id), cancellationToken));
}
