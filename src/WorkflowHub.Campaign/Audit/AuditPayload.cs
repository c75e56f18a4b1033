using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace WorkflowHub.Campaign.Audit;

/// <summary>
/// A request as compact JSON for the audit chain: secrets (any property named like a password, secret or token) are
/// replaced by <see cref="Redacted"/> at every depth, streams (uploaded files) are left out, and a payload longer than
/// <see cref="MaxLength"/> characters is stored as its length and SHA-256 instead.
/// </summary>
public static class AuditPayload
{
    public const string Redacted = "***";
    public const int MaxLength = 4000;

    private static readonly string[] SecretNames = ["password", "secret", "token", "apikey", "credential"];

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Chinese text stays readable; the payload is data in a column, never written into a page unencoded.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutStreams } },
    };

    public static string For(object? message)
    {
        if (message is null)
        {
            return "{}";
        }

        JsonNode? node;
        try
        {
            node = JsonSerializer.SerializeToNode(message, message.GetType(), Options);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            // The request could not be written out (e.g. too deeply nested); its type is still recorded.
            return new JsonObject { ["unserializable"] = message.GetType().Name }.ToJsonString(Options);
        }

        Redact(node);
        var json = node?.ToJsonString(Options) ?? "null";
        return json.Length <= MaxLength ? json : Oversized(json);
    }

    public static bool IsSecretName(string propertyName)
    {
        var name = propertyName.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return SecretNames.Any(secret => name.Contains(secret, StringComparison.OrdinalIgnoreCase));
    }

    private static void Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (IsSecretName(name))
                    {
                        obj[name] = Redacted;
                    }
                    else
                    {
                        Redact(obj[name]);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Redact(item);
                }

                break;
        }
    }

    private static string Oversized(string json) => new JsonObject
    {
        ["truncated"] = true,
        ["length"] = json.Length,
        ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))),
    }.ToJsonString(Options);

    private static void LeaveOutStreams(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties.Where(p => typeof(Stream).IsAssignableFrom(p.PropertyType)).ToList())
        {
            typeInfo.Properties.Remove(property);
        }
    }
}
