using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorkflowHub.Campaign.Plan;

/// <summary>Reads <c>workflows/campaign-plan.json</c> and refuses it, naming each bad entry, unless every rule holds.</summary>
public static class CampaignPlanLoader
{
    /// <summary>camelCase, enums as names, and strict: an unknown or missing member is an error, not a silent default.</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        NumberHandling = JsonNumberHandling.Strict,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
        WriteIndented = true,
    };

    public static CampaignPlan LoadFromFile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CampaignPlanException(path, [$"cannot be read: {ex.Message}"], ex);
        }

        return Parse(json, path);
    }

    /// <param name="json">The plan document.</param>
    /// <param name="sourceName">Where the document came from (a path), used in error messages.</param>
    public static CampaignPlan Parse(string json, string sourceName)
    {
        // Syntax first, so that "malformed" is said only of text that is not JSON at all.
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new CampaignPlanException(sourceName, [$"malformed JSON at {Where(ex)}: {WithoutPosition(ex.Message)}"], ex);
        }

        CampaignPlan? plan;
        try
        {
            plan = JsonSerializer.Deserialize<CampaignPlan>(json, SerializerOptions);
        }
        catch (JsonException ex)
        {
            var path = string.IsNullOrEmpty(ex.Path) ? "" : $", at {ex.Path}";
            throw new CampaignPlanException(sourceName, [$"{Where(ex)}{path}: {WithoutPosition(ex.Message)}"], ex);
        }

        if (plan is null)
        {
            throw new CampaignPlanException(sourceName, ["the document is null, not a plan object"]);
        }

        var result = new CampaignPlanValidator().Validate(plan);
        if (!result.IsValid)
        {
            var problems = result.Errors
                .Select(error => $"{PlanPath.Describe(plan, error.PropertyName)}: {error.ErrorMessage}")
                .Distinct(StringComparer.Ordinal)
                .ToList();
            throw new CampaignPlanException(sourceName, problems);
        }

        return plan;
    }

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
    };

    private static string Where(JsonException ex) =>
        ex.LineNumber is { } line ? $"line {line + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}" : "an unknown position";

    /// <summary>The serializer appends "Path: … | LineNumber: … | BytePositionInLine: …"; we say it once, 1-based.</summary>
    private static string WithoutPosition(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        return cut >= 0 ? message[..cut] : message;
    }
}
