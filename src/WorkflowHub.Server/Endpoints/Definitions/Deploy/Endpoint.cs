using Mediator;
using WorkflowHub.Campaign.Features.Definitions;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Definitions.Deploy;

/// <summary>
/// POST /api/definitions (admins): deploys the BPMN XML of the body. 201 with the version (isNewVersion false when the
/// XML was already the latest); 400 listing each error with its element id, nothing stored.
/// </summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/definitions", HandleAsync)
            .WithTags("Definitions")
            .WithName("DeployDefinition")
            .Accepts<string>(XmlRequestBody.ContentTypes[0], XmlRequestBody.ContentTypes[1..])
            .Produces<DeployDefinitionResult>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static async Task<IResult> HandleAsync(HttpRequest request, ISender sender, CancellationToken cancellationToken)
    {
        var xml = await XmlRequestBody.ReadAsync(request, cancellationToken);
        var result = await sender.Send(new DeployDefinition(xml), cancellationToken);
        return TypedResults.Created($"/api/definitions/{Uri.EscapeDataString(result.Key)}", result);
    }
}
