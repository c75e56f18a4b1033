using System.Text.Json;

namespace WorkflowHub.Campaign.Workflows.Forms;

/// <summary>The input fields of a form-js document (components inside groups included; display-only components skipped).</summary>
public sealed record FormSchema(string? Id, IReadOnlyList<FormField> Fields)
{
    private static readonly HashSet<string> InputTypes = new(StringComparer.Ordinal)
    {
        "textfield", "textarea", "number", "select", "radio", "checkbox", "checklist", "taglist", "datetime",
    };

    private static readonly HashSet<string> ValueListTypes = new(StringComparer.Ordinal) { "select", "radio", "checklist", "taglist" };

    public static FormSchema Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException("A form must be a JSON object.");
        }

        var fields = new List<FormField>();
        Collect(root, fields, 0);
        return new FormSchema(String(root, "id"), fields);
    }

    private static void Collect(JsonElement container, List<FormField> fields, int depth)
    {
        if (depth > 16 || !container.TryGetProperty("components", out var components) || components.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var component in components.EnumerateArray())
        {
            if (component.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var type = String(component, "type") ?? string.Empty;
            if (type is "group")
            {
                Collect(component, fields, depth + 1);
                continue;
            }

            // Disabled and read-only inputs submit nothing the user chose, so they carry no rule to enforce.
            if (!InputTypes.Contains(type) || String(component, "key") is not { Length: > 0 } key
                || Bool(component, "disabled") || Bool(component, "readonly"))
            {
                continue;
            }

            var validate = component.TryGetProperty("validate", out var v) && v.ValueKind == JsonValueKind.Object ? v : default;
            fields.Add(new FormField(
                key,
                type,
                String(component, "label"),
                validate.ValueKind == JsonValueKind.Object && Bool(validate, "required"),
                Number(validate, "min"),
                Number(validate, "max"),
                (int?)Number(validate, "minLength"),
                (int?)Number(validate, "maxLength"),
                String(validate, "pattern"),
                String(component, "subtype"),
                ValueListTypes.Contains(type) ? AllowedValues(component) : null,
                Bool(component, "serializeToString")));
        }
    }

    /// <summary>The static values of a select/radio/checklist; null when the values come from a variable or an expression.</summary>
    private static List<string>? AllowedValues(JsonElement component)
    {
        if (!component.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return values.EnumerateArray()
            .Where(option => option.ValueKind == JsonValueKind.Object && option.TryGetProperty("value", out _))
            .Select(option => option.GetProperty("value") is var value && value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText())
            .ToList();
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static bool Bool(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static double? Number(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }
}
