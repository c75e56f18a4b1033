using System.Globalization;

namespace WorkflowHub.Server.Infrastructure.Web;

/// <summary>
/// The city's clock (UTC+8), in which the pages show times and read the days a user types, whatever the server's own
/// time zone: a period "from 1 June" starts at midnight in the city, and a deadline shows the city's hour.
/// </summary>
public static class CityTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);

    public static DateTimeOffset ToCity(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>Day and minute, e.g. 2021-03-04 17:30; empty for none.</summary>
    public static string Format(DateTimeOffset? instant) => Format(instant, "yyyy-MM-dd HH:mm");

    /// <summary>The day only, for lists.</summary>
    public static string FormatDay(DateTimeOffset? instant) => Format(instant, "yyyy-MM-dd");

    /// <summary>To the second, for histories whose entries can fall in the same minute.</summary>
    public static string FormatSeconds(DateTimeOffset? instant) => Format(instant, "yyyy-MM-dd HH:mm:ss");

    private static string Format(DateTimeOffset? instant, string format) =>
        instant is { } value ? ToCity(value).ToString(format, CultureInfo.InvariantCulture) : string.Empty;
}
