using Mediator;
using WorkflowHub.Campaign.Features.Hazards;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Hazards.Report;

/// <summary>POST /api/hazards: reports a hazard, starts its rectification loop and answers with its number.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/hazards", HandleAsync)
            .WithTags("Hazards")
            .WithName("ReportHazard")
            .Produces<ReportedHazard>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> HandleAsync(ReportHazardBody body, ISender sender, CancellationToken cancellationToken)
    {
        var reported = await sender.Send(
            new ReportHazard(
                body.Title ?? string.Empty,
                body.Description ?? string.Empty,
                body.AreaCode ?? string.Empty,
                body.DistrictCode ?? string.Empty,
                body.EnterpriseUnitCode,
                body.EnterpriseName,
                body.Source ?? HazardSource.Inspection,
                body.FoundAt ?? DateTimeOffset.MinValue,
                body.Location,
                body.ResponsibleUnitCode),
            cancellationToken);
        return TypedResults.Created($"/api/hazards/{reported.Id}", reported);
    }
}

/// <param name="Source">SelfInspection, Inspection or PublicReport.</param>
public sealed record ReportHazardBody(
    string? Title,
    string? Description,
    string? AreaCode,
    string? DistrictCode,
    string? EnterpriseUnitCode,
    string? EnterpriseName,
    HazardSource? Source,
    DateTimeOffset? FoundAt,
    string? Location,
    string? ResponsibleUnitCode);
