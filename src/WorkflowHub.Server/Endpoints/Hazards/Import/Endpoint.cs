using Mediator;
using WorkflowHub.Campaign.Features.Hazards;
using WorkflowHub.Campaign.Hazards.Evidence;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Hazards.Import;

/// <summary>
/// POST /api/hazards/import (multipart: "file", optional "importValidRows"): imports a self-inspection list.
/// Answers 200 with the per-row errors; nothing is imported from a file with errors unless importValidRows is true.
/// </summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/hazards/import", HandleAsync)
            .WithTags("Hazards")
            .WithName("ImportHazards")
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<HazardImportOutcome>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> HandleAsync(HttpRequest request, ISender sender, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile("file") ?? throw new EvidenceRejectedException("Send the list as the multipart field 'file'.");
        var importValidRows = bool.TryParse(form["importValidRows"], out var flag) && flag;
        await using var content = file.OpenReadStream();
        return TypedResults.Ok(await sender.Send(new ImportHazards(content, importValidRows), cancellationToken));
    }
}
