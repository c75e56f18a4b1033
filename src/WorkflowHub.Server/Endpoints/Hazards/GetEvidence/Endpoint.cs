using Mediator;
using WorkflowHub.Campaign.Features.Hazards;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Hazards.GetEvidence;

/// <summary>GET /api/hazards/{id}/evidence/{evidenceId}: the stored file, with its sniffed content type.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/hazards/{id:guid}/evidence/{evidenceId:guid}", HandleAsync)
            .WithTags("Hazards")
            .WithName("GetHazardEvidence")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(Guid id, Guid evidenceId, ISender sender, CancellationToken cancellationToken)
    {
        var evidence = await sender.Send(new global::WorkflowHub.Campaign.Features.Hazards.GetEvidence(id, evidenceId), cancellationToken);
        return TypedResults.File(evidence.Content, evidence.Evidence.ContentType, evidence.Evidence.FileName);
    }
}
