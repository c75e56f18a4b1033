using System.Text;
using Mediator;
using WorkflowHub.Campaign.Features.Definitions;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Definitions.Xml;

/// <summary>GET /api/definitions/{key}/xml?version=N: the XML exactly as deployed (the latest version without <c>version</c>).</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/definitions/{key}/xml", HandleAsync)
            .WithTags("Definitions")
            .WithName("GetDefinitionXml")
            .Produces<string>(StatusCodes.Status200OK, "application/xml")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(string key, int? version, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Text(await sender.Send(new GetDefinitionXml(key, version), cancellationToken), "application/xml", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
}
