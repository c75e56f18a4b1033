namespace WorkflowHub.Server.Infrastructure.Web;

/// <summary>
/// The city's clock (UTC+8), in which the pages show times and read the days a user types, whatever the server's own
/// time zone: a period "from 1 June" starts at midnight in the city.
/// </summary>
public static class CityTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);

    public static DateTimeOffset ToCity(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static string Format(DateTimeOffset instant) => ToCity(instant).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset? instant) => instant is { } value ? Format(value) : string.Empty;
}
