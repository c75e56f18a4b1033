using System.Globalization;
using Jint;
using Jint.Native;
using Jint.Native.Object;

namespace WorkflowHub.Engine.Scripting;

/// <summary>
/// Converts between normalized variable values (null, bool, long, double, string, List, Dictionary) and plain
/// JavaScript values, so scripts never see CLR objects.
/// </summary>
internal static class JsValueConverter
{
    public static JsValue ToJs(Jint.Engine engine, object? value) => value switch
    {
        null => JsValue.Null,
        bool b => b ? JsBoolean.True : JsBoolean.False,
        string s => new JsString(s),
        long l => new JsNumber(l),
        int i => new JsNumber(i),
        double d => new JsNumber(d),
        decimal m => new JsNumber((double)m),
        float f => new JsNumber(f),
        DateTimeOffset dto => new JsString(dto.ToString("O", CultureInfo.InvariantCulture)),
        DateTime dt => new JsString(dt.ToString("O", CultureInfo.InvariantCulture)),
        IDictionary<string, object?> map => ToJsObject(engine, map),
        System.Collections.IEnumerable list => new JsArray(engine, list.Cast<object?>().Select(v => ToJs(engine, v)).ToArray()),
        _ => new JsString(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static JsObject ToJsObject(Jint.Engine engine, IDictionary<string, object?> map)
    {
        var obj = new JsObject(engine);
        foreach (var (key, v) in map)
        {
            obj.Set(key, ToJs(engine, v));
        }

        return obj;
    }

    public static object? FromJs(JsValue value, int depth = 0)
    {
        if (depth > 64)
        {
            throw new ScriptFailedException("The value is nested too deeply.");
        }

        if (value.IsNull() || value.IsUndefined())
        {
            return null;
        }

        if (value.IsBoolean())
        {
            return value.AsBoolean();
        }

        if (value.IsNumber())
        {
            return VariableValues.NormalizeNumber(value.AsNumber());
        }

        if (value.IsString())
        {
            return value.AsString();
        }

        if (value.IsDate())
        {
            return value.AsDate().ToDateTime().ToString("O", CultureInfo.InvariantCulture);
        }

        if (value.IsArray())
        {
            var array = value.AsArray();
            var list = new List<object?>((int)array.Length);
            foreach (var item in array)
            {
                list.Add(FromJs(item, depth + 1));
            }

            return list;
        }

        if (value is ObjectInstance obj && obj is not Jint.Native.Function.Function)
        {
            var map = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (key, descriptor) in obj.GetOwnProperties())
            {
                if (key.IsString() && descriptor.Enumerable)
                {
                    map[key.AsString()] = FromJs(obj.Get(key), depth + 1);
                }
            }

            return map;
        }

        throw new ScriptFailedException($"A {value.Type} value cannot be stored as a variable.");
    }
}
