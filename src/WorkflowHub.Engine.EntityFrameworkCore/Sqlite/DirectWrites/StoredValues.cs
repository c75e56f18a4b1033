using System.Text.Json;

namespace WorkflowHub.Engine.EntityFrameworkCore.Sqlite.DirectWrites;

/// <summary>
/// Values in the form EF Core's SQLite provider stores them, so rows written by hand read back through the EF model:
/// Guid as upper-case TEXT, DateTimeOffset as UTC ticks (<see cref="Model.UtcTicksConverter"/>), enums as INTEGER,
/// string arrays as a JSON array.
/// </summary>
internal static class StoredValues
{
    private const string EmptyArray = "[]";

    // One string per value (no lower-case intermediate): every row a command writes carries two or three ids.
    public static object Of(Guid value) => string.Create(36, value, static (chars, guid) =>
    {
        guid.TryFormat(chars, out _);
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= 'a' and <= 'f')
            {
                chars[i] = (char)(chars[i] - ('a' - 'A'));
            }
        }
    });

    public static object Of(Guid? value) => value is { } guid ? Of(guid) : DBNull.Value;

    public static object Of(DateTimeOffset value) => value.UtcTicks;

    public static object Of(DateTimeOffset? value) => value is { } instant ? instant.UtcTicks : DBNull.Value;

    public static object Of(string? value) => value is null ? DBNull.Value : value;

    // Most tasks have no candidate users or groups: their "[]" needs no serializer.
    public static object Of(string[] values) => values.Length == 0 ? EmptyArray : JsonSerializer.Serialize(values);

    public static object Of(bool value) => value ? 1L : 0L;
}
