using Mediator;
using WorkflowHub.Campaign.Features.Definitions;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Definitions.Validate;

/// <summary>POST /api/definitions/validate (admins): what a deploy of the body would report, without storing anything.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/definitions/validate", HandleAsync)
            .WithTags("Definitions")
            .WithName("ValidateDefinition")
            .Accepts<string>(XmlRequestBody.ContentTypes[0], XmlRequestBody.ContentTypes[1..])
            .Produces<DefinitionValidationResult>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static async Task<IResult> HandleAsync(HttpRequest request, ISender sender, CancellationToken cancellationToken)
    {
        var xml = await XmlRequestBody.ReadAsync(request, cancellationToken);
        return TypedResults.Ok(await sender.Send(new ValidateDefinition(xml), cancellationToken));
    }
}
