using Mediator;
using WorkflowHub.Campaign.Features.Targets;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Targets.Report;

/// <summary>POST /api/targets/{code}/reports: the responsible unit reports the value reached as of a date.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/targets/{code}/reports", HandleAsync)
            .WithTags("Targets")
            .WithName("ReportTargetProgress")
            .Produces<TargetReportView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(string code, TargetReportBody body, ISender sender, CancellationToken cancellationToken)
    {
        var report = await sender.Send(new ReportTargetProgress(code, body.Value ?? -1, body.AsOf ?? default, body.EvidenceNote), cancellationToken);
        return TypedResults.Created($"/api/targets/{code}", report);
    }
}

public sealed record TargetReportBody(decimal? Value, DateOnly? AsOf, string? EvidenceNote);
