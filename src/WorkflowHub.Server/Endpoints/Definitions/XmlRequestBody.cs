using System.Text;
using Microsoft.Net.Http.Headers;

namespace WorkflowHub.Server.Endpoints.Definitions;

/// <summary>Reads a BPMN diagram sent as the raw request body (<c>application/xml</c> or <c>text/xml</c>).</summary>
internal static class XmlRequestBody
{
    public static readonly string[] ContentTypes = ["application/xml", "text/xml"];

    public static async Task<string> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !ContentTypes.Contains(mediaType.MediaType.Value, StringComparer.OrdinalIgnoreCase))
        {
            throw new BadHttpRequestException("Send the BPMN diagram as the request body with Content-Type application/xml or text/xml.", StatusCodes.Status415UnsupportedMediaType);
        }

        var encoding = mediaType.Encoding ?? Encoding.UTF8;
        using var reader = new StreamReader(request.Body, encoding, detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
