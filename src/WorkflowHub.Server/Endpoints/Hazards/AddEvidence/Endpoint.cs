using Mediator;
using WorkflowHub.Campaign.Features.Hazards;
using WorkflowHub.Campaign.Hazards.Evidence;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Hazards.AddEvidence;

/// <summary>POST /api/hazards/{id}/evidence (multipart, field "file"): attaches a JPEG, PNG or PDF of at most 10 MB.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/hazards/{id:guid}/evidence", HandleAsync)
            .WithTags("Hazards")
            .WithName("AddHazardEvidence")
            // Bearer-token API: no cookie, so no cross-site form post to guard against.
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<EvidenceView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(Guid id, IFormFile? file, ISender sender, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            throw new EvidenceRejectedException("Send the file as the multipart field 'file'.");
        }

        await using var content = file.OpenReadStream();
        var evidence = await sender.Send(new global::WorkflowHub.Campaign.Features.Hazards.AddEvidence(id, file.FileName, content), cancellationToken);
        return TypedResults.Created($"/api/hazards/{id}/evidence/{evidence.Id}", evidence);
    }
}
