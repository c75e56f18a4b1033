namespace WorkflowHub.Campaign.Tests.Spreadsheets;

/// <summary>A clock the test sets; local time is UTC so "today" is the date it is given.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
