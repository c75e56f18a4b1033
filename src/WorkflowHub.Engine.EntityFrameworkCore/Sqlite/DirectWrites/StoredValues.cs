using System.Text.Json;

namespace WorkflowHub.Engine.EntityFrameworkCore.Sqlite.DirectWrites;

/// <summary>
/// Values in the form EF Core's SQLite provider stores them, so rows written by hand read back through the EF model:
/// Guid as upper-case TEXT, DateTimeOffset as UTC ticks (<see cref="Model.UtcTicksConverter"/>), enums as INTEGER,
/// string arrays as a JSON array.
/// </summary>
internal static class StoredValues
{
    public static object Of(Guid value) => value.ToString().ToUpperInvariant();

    public static object Of(Guid? value) => value is { } guid ? Of(guid) : DBNull.Value;

    public static object Of(DateTimeOffset value) => value.UtcTicks;

    public static object Of(DateTimeOffset? value) => value is { } instant ? instant.UtcTicks : DBNull.Value;

    public static object Of(string? value) => value is null ? DBNull.Value : value;

    public static object Of(string[] values) => JsonSerializer.Serialize(values);

    public static object Of(bool value) => value ? 1L : 0L;
}
