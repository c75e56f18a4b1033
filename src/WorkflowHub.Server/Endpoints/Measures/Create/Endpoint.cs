using Mediator;
using WorkflowHub.Campaign.Features.Measures;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Measures.Create;

/// <summary>POST /api/measures: adds an institutional measure (responsible unit defaults to the area's lead unit).</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/measures", HandleAsync)
            .WithTags("Measures")
            .WithName("CreateMeasure")
            .Produces<MeasureView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> HandleAsync(MeasureBody body, ISender sender, CancellationToken cancellationToken)
    {
        var measure = await sender.Send(
            new CreateMeasure(body.Title ?? string.Empty, body.Content ?? string.Empty, body.AreaCode ?? string.Empty, body.ResponsibleUnitCode, body.Timetable ?? default, body.State ?? MeasureState.Planned),
            cancellationToken);
        return TypedResults.Created($"/api/measures/{measure.Id}", measure);
    }
}

public sealed record MeasureBody(string? Title, string? Content, string? AreaCode, string? ResponsibleUnitCode, DateOnly? Timetable, MeasureState? State, long Version = 0);
