using System.Text.Json;
using Mediator;
using WorkflowHub.Campaign.Features.Tasks;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Tasks.Complete;

/// <summary>
/// POST /api/tasks/{id}/complete {variables}: 200; 400 naming each field the task's form refuses; 403 when the task is
/// not the caller's; 404; 409 when it is already completed or completed at the same moment by someone else.
/// </summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/tasks/{id:guid}/complete", HandleAsync)
            .WithTags("Tasks")
            .WithName("CompleteTask")
            .Produces<CompleteTaskResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> HandleAsync(Guid id, CompleteTaskBody? body, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new CompleteTask(id, body?.Variables), cancellationToken));
}

public sealed record CompleteTaskBody(JsonElement? Variables);
