using System.Globalization;
using System.Text.RegularExpressions;

namespace WorkflowHub.Campaign.Workflows.Forms;

/// <summary>
/// Checks submitted variables against a form's own rules, as form-js checks them in the browser: required, min, max,
/// minLength, maxLength, pattern; a select/radio value must be one of the listed values; a number field takes numbers.
/// The server repeats the check because a request need not come from the form.
/// </summary>
public static class FormDataValidator
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(200);

    /// <summary>Each invalid field's key with what is wrong with it; empty when the data is valid.</summary>
    public static IReadOnlyList<(string Field, string Message)> Validate(FormSchema form, IReadOnlyDictionary<string, object?> variables)
    {
        var errors = new List<(string, string)>();
        foreach (var field in form.Fields)
        {
            variables.TryGetValue(field.Key, out var value);
            var message = Check(field, value);
            if (message is not null)
            {
                errors.Add((field.Key, message));
            }
        }

        return errors;
    }

    private static string? Check(FormField field, object? value)
    {
        var name = field.Label ?? field.Key;
        if (IsEmpty(value))
        {
            return field.Required ? $"{name} is required." : null;
        }

        return field.Type switch
        {
            "number" => CheckNumber(field, name, value!),
            "checkbox" => value is bool ? null : $"{name} must be true or false.",
            "checklist" or "taglist" => CheckList(field, name, value!),
            "select" or "radio" => CheckChoice(field, name, value!),
            "datetime" => CheckDateTime(field, name, value!),
            _ => CheckText(field, name, value!),
        };
    }

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string text => text.Length == 0,
        System.Collections.ICollection collection => collection.Count == 0,
        _ => false,
    };

    private static string? CheckNumber(FormField field, string name, object value)
    {
        double? number = value switch
        {
            long whole => whole,
            double real => real,
            string text when field.SerializeToString && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
        if (number is not { } n || !double.IsFinite(n))
        {
            return $"{name} must be a number.";
        }

        if (field.Min is { } min && n < min)
        {
            return $"{name} must be at least {min.ToString(CultureInfo.InvariantCulture)}.";
        }

        return field.Max is { } max && n > max ? $"{name} must be at most {max.ToString(CultureInfo.InvariantCulture)}." : null;
    }

    private static string? CheckText(FormField field, string name, object value)
    {
        if (value is not string text)
        {
            return $"{name} must be text.";
        }

        if (field.MinLength is { } minLength && text.Length < minLength)
        {
            return $"{name} must have at least {minLength} characters.";
        }

        if (field.MaxLength is { } maxLength && text.Length > maxLength)
        {
            return $"{name} must have at most {maxLength} characters.";
        }

        if (!string.IsNullOrEmpty(field.Pattern))
        {
            try
            {
                // form-js tests the pattern with RegExp.test: a match anywhere, unless the pattern anchors itself.
                if (!Regex.IsMatch(text, field.Pattern, RegexOptions.CultureInvariant, PatternTimeout))
                {
                    return $"{name} does not have the required format.";
                }
            }
            catch (RegexMatchTimeoutException)
            {
                return $"{name} could not be checked against its format.";
            }
            catch (ArgumentException)
            {
                // The form's pattern is not a .NET regular expression; the browser has checked it already.
                return null;
            }
        }

        return null;
    }

    private static string? CheckChoice(FormField field, string name, object value)
    {
        var text = ChoiceText(value);
        if (text is null)
        {
            return $"{name} must be one of the listed values.";
        }

        return field.AllowedValues is { } allowed && !allowed.Contains(text, StringComparer.Ordinal)
            ? $"{name} must be one of: {string.Join(", ", allowed)}."
            : null;
    }

    private static string? CheckList(FormField field, string name, object value)
    {
        if (value is not IEnumerable<object?> items)
        {
            return $"{name} must be a list.";
        }

        foreach (var item in items)
        {
            if (CheckChoice(field, name, item ?? string.Empty) is { } message)
            {
                return message;
            }
        }

        return null;
    }

    private static string? ChoiceText(object value) => value switch
    {
        string text => text,
        long whole => whole.ToString(CultureInfo.InvariantCulture),
        double real => real.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        _ => null,
    };

    private static string? CheckDateTime(FormField field, string name, object value)
    {
        if (value is not string text)
        {
            return $"{name} must be a date or time.";
        }

        var valid = field.Subtype switch
        {
            "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "time" => TimeOnly.TryParse(text, CultureInfo.InvariantCulture, out _) || DateTimeOffset.TryParse("2000-01-01T" + text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        };
        return valid ? null : $"{name} is not a valid {field.Subtype ?? "date and time"}.";
    }
}
