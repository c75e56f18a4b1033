using System.Globalization;
using System.Text;
using Mediator;
using WorkflowHub.Campaign.Features.Definitions;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Definitions.GetDraft;

/// <summary>GET /api/definitions/{key}/draft (admins): the designer's saved draft as XML, its version in the ETag; 404 when none.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/definitions/{key}/draft", HandleAsync)
            .WithTags("Definitions")
            .WithName("GetDefinitionDraft")
            .Produces<string>(StatusCodes.Status200OK, "application/xml")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(string key, HttpResponse response, ISender sender, CancellationToken cancellationToken)
    {
        var draft = await sender.Send(new global::WorkflowHub.Campaign.Features.Definitions.GetDraft(key), cancellationToken);
        response.Headers.ETag = $"\"{draft.Version.ToString(CultureInfo.InvariantCulture)}\"";
        response.Headers["X-Draft-Updated-By"] = draft.UpdatedBy is null ? null : Uri.EscapeDataString(draft.UpdatedBy);
        return TypedResults.Text(draft.Xml, "application/xml", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}
