using Mediator;
using WorkflowHub.Campaign.Features.Tasks;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Tasks.Form;

/// <summary>GET /api/forms/{name}: a form-js form of <c>workflows/forms/</c> as JSON, for the task-form island.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/forms/{name}", HandleAsync)
            .WithTags("Tasks")
            .WithName("GetForm")
            .Produces<string>(StatusCodes.Status200OK, "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(string name, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Text(await sender.Send(new GetForm(name), cancellationToken), "application/json");
}
