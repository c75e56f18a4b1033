using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace WorkflowHub.Engine.Scripting;

/// <summary>
/// Variables are stored as JSON-shaped values: null, bool, long, double, string, List&lt;object?&gt; and
/// Dictionary&lt;string, object?&gt;. Anything the application passes in is normalized to that shape.
/// </summary>
public static class VariableValues
{
    public static object? Normalize(object? value, int depth = 0)
    {
        if (depth > 64)
        {
            throw new ArgumentException("A variable value is nested too deeply.");
        }

        switch (value)
        {
            case null:
                return null;
            case string or bool or long or double:
                return value;
            case int i:
                return (long)i;
            case short s:
                return (long)s;
            case byte b:
                return (long)b;
            case uint ui:
                return (long)ui;
            case float f:
                return NormalizeNumber(f);
            case decimal m:
                return NormalizeNumber((double)m);
            case DateTimeOffset dto:
                return dto.ToString("O", CultureInfo.InvariantCulture);
            case DateTime dt:
                return dt.ToString("O", CultureInfo.InvariantCulture);
            case Guid g:
                return g.ToString();
            case Enum e:
                return e.ToString();
            case JsonElement element:
                return FromJson(element, depth);
            case IDictionary<string, object?> map:
                return map.ToDictionary(kv => kv.Key, kv => Normalize(kv.Value, depth + 1), StringComparer.Ordinal);
            case IDictionary dictionary:
                var result = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (DictionaryEntry entry in dictionary)
                {
                    result[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? ""] = Normalize(entry.Value, depth + 1);
                }

                return result;
            case IEnumerable list:
                return list.Cast<object?>().Select(v => Normalize(v, depth + 1)).ToList();
            default:
                return FromJson(JsonSerializer.SerializeToElement(value, value.GetType()), depth);
        }
    }

    public static object NormalizeNumber(double d) =>
        Math.Abs(d) < 9.007199254740992E15 && Math.Floor(d) == d && !(d == 0 && double.IsNegative(d)) ? BoxInteger((long)d) : (object)d;

    /// <summary>Small integers (counters, flags, amounts of items) are shared boxes: a boxed long never changes.</summary>
    private static readonly object[] SmallIntegers = [.. Enumerable.Range(-16, 16 + 1024).Select(i => (object)(long)i)];

    private static object BoxInteger(long value) => value is >= -16 and < 1024 ? SmallIntegers[value + 16] : value;

    public static object? FromJson(JsonElement element, int depth = 0)
    {
        if (depth > 64)
        {
            throw new ArgumentException("A variable value is nested too deeply.");
        }

        return element.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.TryGetInt64(out var l) ? (object)l : (object)element.GetDouble(),
            JsonValueKind.Array => element.EnumerateArray().Select(e => FromJson(e, depth + 1)).ToList(),
            JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value, depth + 1), StringComparer.Ordinal),
            _ => null,
        };
    }

    /// <summary>JavaScript truthiness of a normalized value.</summary>
    public static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        long l => l != 0,
        double d => d != 0 && !double.IsNaN(d),
        string s => s.Length > 0,
        _ => true,
    };

    public static void WriteJson(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double d:
                if (double.IsFinite(d))
                {
                    writer.WriteNumberValue(d);
                }
                else
                {
                    writer.WriteNullValue();
                }

                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case Dictionary<string, object?> map:
                // The stored shape, written with every instance document: its struct enumerator, not a boxed one.
                writer.WriteStartObject();
                foreach (var (k, v) in map)
                {
                    writer.WritePropertyName(k);
                    WriteJson(writer, v);
                }

                writer.WriteEndObject();
                break;
            case IDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (k, v) in map)
                {
                    writer.WritePropertyName(k);
                    WriteJson(writer, v);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable<object?> list:
                writer.WriteStartArray();
                foreach (var v in list)
                {
                    WriteJson(writer, v);
                }

                writer.WriteEndArray();
                break;
            default:
                WriteJson(writer, Normalize(value));
                break;
        }
    }
}
