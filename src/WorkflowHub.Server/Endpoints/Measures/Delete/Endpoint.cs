using Mediator;
using WorkflowHub.Campaign.Features.Measures;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Measures.Delete;

/// <summary>DELETE /api/measures/{id}: removes a measure.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapDelete("/api/measures/{id:guid}", HandleAsync)
            .WithTags("Measures")
            .WithName("DeleteMeasure")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(Guid id, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteMeasure(id), cancellationToken);
        return TypedResults.NoContent();
    }
}
