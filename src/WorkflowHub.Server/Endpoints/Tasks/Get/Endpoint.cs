using Mediator;
using WorkflowHub.Campaign.Features.Tasks;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Tasks.Get;

/// <summary>GET /api/tasks/{id}: the task with its form, due date, candidates and its instance's variables.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/tasks/{id:guid}", HandleAsync)
            .WithTags("Tasks")
            .WithName("GetTask")
            .Produces<TaskDetails>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetTask(id), cancellationToken));
}
