using System.Text.Json;

namespace WorkflowHub.Campaign.Workflows;

/// <summary>
/// Turns JSON from a request body into the plain values the engine stores: string, bool, long (whole numbers that fit)
/// or double, null, <see cref="List{T}"/> of values and <see cref="Dictionary{TKey,TValue}"/> by name.
/// </summary>
public static class JsonVariables
{
    /// <summary>Deeper nesting is refused: no form needs it, and it costs stack and storage.</summary>
    public const int MaxDepth = 32;

    /// <summary>Converts a JSON object into variables; null or an undefined element gives an empty set.</summary>
    /// <exception cref="FormatException">The element is not an object, or nests deeper than <see cref="MaxDepth"/>.</exception>
    public static Dictionary<string, object?> ToVariables(JsonElement? element)
    {
        if (element is not { } value || value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return new Dictionary<string, object?>(StringComparer.Ordinal);
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("Variables must be a JSON object of name/value pairs.");
        }

        var variables = ToDictionary(value, 0);
        if (variables.Keys.Any(string.IsNullOrWhiteSpace))
        {
            throw new FormatException("A variable name is empty.");
        }

        return variables;
    }

    /// <summary>Converts one JSON value.</summary>
    public static object? ToValue(JsonElement element) => ToValue(element, 0);

    private static object? ToValue(JsonElement element, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new FormatException($"Variable values may nest at most {MaxDepth} levels deep.");
        }

        return element.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => ToNumber(element),
            JsonValueKind.Array => element.EnumerateArray().Select(item => ToValue(item, depth + 1)).ToList(),
            JsonValueKind.Object => ToDictionary(element, depth + 1),
            _ => throw new FormatException($"Unsupported JSON value kind {element.ValueKind}."),
        };
    }

    private static Dictionary<string, object?> ToDictionary(JsonElement element, int depth)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            result[property.Name] = ToValue(property.Value, depth);
        }

        return result;
    }

    private static object ToNumber(JsonElement element)
    {
        if (element.TryGetInt64(out var whole))
        {
            return whole;
        }

        // Fractions, exponents and integers beyond long: a double, as JavaScript would read them.
        return element.GetDouble();
    }
}
