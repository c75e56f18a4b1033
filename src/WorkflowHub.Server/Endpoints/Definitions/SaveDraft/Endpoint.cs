using System.Globalization;
using Mediator;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Definitions.SaveDraft;

/// <summary>
/// PUT /api/definitions/{key}/draft (admins): saves the XML body as the draft. Send <c>If-Match: "version"</c> (the ETag
/// you read) to be told with 409 when someone saved in between; without it the save overwrites.
/// </summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/definitions/{key}/draft", HandleAsync)
            .WithTags("Definitions")
            .WithName("SaveDefinitionDraft")
            .Accepts<string>(XmlRequestBody.ContentTypes[0], XmlRequestBody.ContentTypes[1..])
            .Produces<DraftSaved>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static async Task<IResult> HandleAsync(string key, HttpRequest request, HttpResponse response, ISender sender, CancellationToken cancellationToken)
    {
        var xml = await XmlRequestBody.ReadAsync(request, cancellationToken);
        var draft = await sender.Send(new global::WorkflowHub.Campaign.Features.Definitions.SaveDraft(key, xml, ExpectedVersion(request)), cancellationToken);
        response.Headers.ETag = $"\"{draft.Version.ToString(CultureInfo.InvariantCulture)}\"";
        return TypedResults.Ok(new DraftSaved(draft.Key, draft.UpdatedBy, draft.UpdatedAt, draft.Version));
    }

    private static long? ExpectedVersion(HttpRequest request)
    {
        var ifMatch = request.Headers.IfMatch.ToString().Trim();
        if (ifMatch.Length == 0 || ifMatch == "*")
        {
            return null;
        }

        var value = ifMatch.StartsWith("W/", StringComparison.Ordinal) ? ifMatch[2..] : ifMatch;
        return long.TryParse(value.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new BadHttpRequestException("If-Match must be the draft's ETag, e.g. \"3\".");
    }
}

public sealed record DraftSaved(string Key, string? UpdatedBy, DateTimeOffset UpdatedAt, long Version);
