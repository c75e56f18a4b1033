using System.Runtime.CompilerServices;

namespace WorkflowHub.Engine.Runtime;

/// <summary>
/// The history data of a variable write, <c>{"name":value}</c>. A script writes the same literal to the same name in
/// every instance, and a literal's stored value is one shared box: so for immutable values the last few texts are
/// remembered per thread, keyed by the very name and value objects, and such writes build no JSON and no string.
/// </summary>
internal static class VariableWriteData
{
    /// <summary>A power of two: the slot is picked by masking the objects' identity hash codes.</summary>
    private const int Slots = 16;

    /// <summary>Only short texts are remembered: a thread must not keep a large value alive.</summary>
    private const int MaxRememberedLength = 256;

    [ThreadStatic]
    private static Entry[]? t_recent;

    public static string For(string name, object? value)
    {
        if (value is not (null or string or bool or long or double))
        {
            // Lists and maps can change after the write: their text is always built anew.
            return CommandContext.Json(name, value);
        }

        var recent = t_recent ??= new Entry[Slots];
        ref var slot = ref recent[(RuntimeHelpers.GetHashCode(name) ^ RuntimeHelpers.GetHashCode(value)) & (Slots - 1)];
        if (ReferenceEquals(slot.Name, name) && ReferenceEquals(slot.Value, value))
        {
            return slot.Json;
        }

        var json = CommandContext.Json(name, value);
        if (json.Length <= MaxRememberedLength)
        {
            slot = new Entry(name, value, json);
        }

        return json;
    }

    private readonly record struct Entry(string Name, object? Value, string Json);
}
