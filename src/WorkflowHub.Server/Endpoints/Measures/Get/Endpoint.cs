using Mediator;
using WorkflowHub.Campaign.Features.Measures;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Measures.Get;

/// <summary>GET /api/measures/{id}: one institutional measure.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/measures/{id:guid}", HandleAsync)
            .WithTags("Measures")
            .WithName("GetMeasure")
            .Produces<MeasureView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetMeasure(id), cancellationToken));
}
