using System.Text.Json;

namespace WorkflowHub.Campaign.Features.Plan;

/// <summary>
/// Reads only <c>campaign.code</c> of a plan file, as the full loader would bind it (camelCase, case-insensitive), without
/// binding and validating the whole plan: a restart needs the code to see that the campaign already runs, and the full
/// load (reflection-built JSON metadata for every plan type plus the validator) cost a sixth of the start-up steps' CPU.
/// </summary>
public static class CampaignPlanCodeReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
    };

    /// <summary>
    /// True with the code (null when the plan has none) when the file plainly holds it; false when the file cannot be read
    /// this way (unreadable, malformed, or an unusual shape), in which case the caller loads the plan in full.
    /// </summary>
    public static bool TryRead(string path, out string? code)
    {
        code = null;
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream, DocumentOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !TryGetSingle(document.RootElement, "campaign", out var campaign)
                || campaign.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            if (!TryGetSingle(campaign, "code", out var value, allowMissing: true))
            {
                return false;
            }

            switch (value.ValueKind)
            {
                case JsonValueKind.Undefined or JsonValueKind.Null:
                    return true;
                case JsonValueKind.String:
                    code = value.GetString();
                    return true;
                default:
                    return false;
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            return false;
        }
    }

    /// <summary>The one member named <paramref name="name"/> in any casing; false when there are several (or none, unless allowed).</summary>
    private static bool TryGetSingle(JsonElement element, string name, out JsonElement value, bool allowMissing = false)
    {
        value = default;
        var found = 0;
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                found++;
            }
        }

        return found == 1 || (found == 0 && allowMissing);
    }
}
