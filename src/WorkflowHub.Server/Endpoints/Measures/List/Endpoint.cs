using Mediator;
using WorkflowHub.Campaign.Features.Measures;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Measures.List;

/// <summary>GET /api/measures: the institutional-measures list, optionally by area, unit and state.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/measures", HandleAsync)
            .WithTags("Measures")
            .WithName("ListMeasures")
            .Produces<IReadOnlyList<MeasureView>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<IResult> HandleAsync(ISender sender, CancellationToken cancellationToken, string? area = null, string? unit = null, MeasureState? state = null) =>
        TypedResults.Ok(await sender.Send(new ListMeasures(area, unit, state), cancellationToken));
}
