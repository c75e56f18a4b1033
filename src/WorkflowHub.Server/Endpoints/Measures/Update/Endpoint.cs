using Mediator;
using WorkflowHub.Campaign.Features.Measures;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Server.Endpoints.Measures.Create;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Measures.Update;

/// <summary>PUT /api/measures/{id}: edits a measure; send the version you read.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/measures/{id:guid}", HandleAsync)
            .WithTags("Measures")
            .WithName("UpdateMeasure")
            .Produces<MeasureView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> HandleAsync(Guid id, MeasureBody body, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(
            new UpdateMeasure(id, body.Title ?? string.Empty, body.Content ?? string.Empty, body.AreaCode ?? string.Empty, body.ResponsibleUnitCode, body.Timetable ?? default, body.State ?? MeasureState.Planned, body.Version),
            cancellationToken));
}
