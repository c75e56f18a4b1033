namespace WorkflowHub.Engine.Scripting.Direct;

/// <summary>The JavaScript primitive kinds the direct evaluator handles; anything else goes to Jint.</summary>
internal enum DirectKind : byte
{
    Null,
    Boolean,
    Number,
    String,
}

/// <summary>
/// A JavaScript primitive as the sandbox would see it: numbers are doubles (a stored long goes through a double on its
/// way into Jint too), strings are UTF-16, null is null. Converts back exactly like <see cref="JsValueConverter.FromJs"/>.
/// </summary>
internal readonly struct DirectValue
{
    private DirectValue(DirectKind kind, bool boolean, double number, string? text)
    {
        Kind = kind;
        Boolean = boolean;
        Number = number;
        Text = text;
    }

    public DirectKind Kind { get; }

    public bool Boolean { get; }

    public double Number { get; }

    public string? Text { get; }

    public static DirectValue Null => default;

    public static DirectValue From(bool value) => new(DirectKind.Boolean, value, 0, null);

    public static DirectValue From(double value) => new(DirectKind.Number, false, value, null);

    public static DirectValue From(string value) => new(DirectKind.String, false, 0, value);

    /// <summary>A stored variable value, when it is a primitive; lists and maps are left to Jint.</summary>
    public static bool TryFromVariable(object? value, out DirectValue result)
    {
        switch (value)
        {
            case null:
                result = Null;
                return true;
            case bool b:
                result = From(b);
                return true;
            case long l:
                result = From(l);
                return true;
            case double d:
                result = From(d);
                return true;
            case string s:
                result = From(s);
                return true;
            default:
                result = default;
                return false;
        }
    }

    /// <summary>ToBoolean of ECMAScript for the primitive kinds.</summary>
    public bool IsTruthy => Kind switch
    {
        DirectKind.Boolean => Boolean,
        DirectKind.Number => Number != 0 && !double.IsNaN(Number),
        DirectKind.String => Text!.Length > 0,
        _ => false,
    };

    /// <summary>The stored form, as <see cref="JsValueConverter.FromJs"/> would return it.</summary>
    public object? ToVariable() => Kind switch
    {
        DirectKind.Boolean => Boolean,
        DirectKind.Number => VariableValues.NormalizeNumber(Number),
        DirectKind.String => Text,
        _ => null,
    };
}
