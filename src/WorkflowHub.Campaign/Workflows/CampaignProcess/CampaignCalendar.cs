using System.Globalization;

namespace WorkflowHub.Campaign.Workflows.CampaignProcess;

/// <summary>
/// Maps the plan's calendar onto the instants the campaign process waits for. With a time scale of 1 these are the
/// plan's own dates (midnight in the city, +08:00). With a scale above 1 the plan is replayed from <see cref="Anchor"/>,
/// the moment the process starts: a plan instant <c>t</c> falls at <c>anchor + (t - plan start) / scale</c>, so a
/// demonstration sees the whole campaign, its deadlines and its reminders, in proportion.
/// </summary>
public sealed class CampaignCalendar
{
    /// <summary>The plan's dates are the city's (China Standard Time, no daylight saving).</summary>
    public static readonly TimeSpan CityOffset = TimeSpan.FromHours(8);

    /// <summary>The shortest scaled period: the job executor polls once a second, finer periods would only bunch up.</summary>
    public static readonly TimeSpan ShortestPeriod = TimeSpan.FromSeconds(1);

    private readonly DateTimeOffset planStart;

    public CampaignCalendar(DateOnly planStartDate, double timeScale, DateTimeOffset startedAt)
    {
        if (!double.IsFinite(timeScale) || timeScale < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(timeScale), timeScale, $"{CampaignProcessOptions.SectionName}:TimeScale must be a number of at least 1.");
        }

        planStart = CityMidnight(planStartDate);
        TimeScale = timeScale;
        Anchor = IsRealCalendar ? planStart : startedAt;
    }

    public double TimeScale { get; }

    /// <summary>Where the plan's first day falls: the plan's own start on the real calendar, else the process start.</summary>
    public DateTimeOffset Anchor { get; }

    public bool IsRealCalendar => TimeScale == 1;

    /// <summary>The start of <paramref name="date"/> (midnight in the city) on this calendar.</summary>
    public DateTimeOffset StartOf(DateOnly date) => At(CityMidnight(date));

    /// <summary>The end of <paramref name="date"/> (the next midnight): a deadline "by 30 June" runs to the end of that day.</summary>
    public DateTimeOffset EndOf(DateOnly date) => At(CityMidnight(date.AddDays(1)));

    /// <summary>A plan instant on this calendar.</summary>
    public DateTimeOffset At(DateTimeOffset planInstant) =>
        IsRealCalendar ? planInstant : Anchor + ((planInstant - planStart) / TimeScale);

    /// <summary>A period of the plan (a reminder every day) on this calendar, at least <see cref="ShortestPeriod"/>.</summary>
    public TimeSpan Period(TimeSpan planPeriod)
    {
        var scaled = planPeriod / TimeScale;
        return scaled < ShortestPeriod ? ShortestPeriod : scaled;
    }

    /// <summary>An unbounded ISO 8601 cycle repeating every scaled <paramref name="planPeriod"/>: "R/P1D" on the real calendar.</summary>
    public string Cycle(TimeSpan planPeriod)
    {
        var period = Period(planPeriod);
        return period.Ticks % TimeSpan.TicksPerDay == 0
            ? string.Create(CultureInfo.InvariantCulture, $"R/P{(long)period.TotalDays}D")
            : string.Create(CultureInfo.InvariantCulture, $"R/PT{Math.Max(1, (long)Math.Round(period.TotalSeconds))}S");
    }

    /// <summary>The form dates take in the process variables (the timers and due dates read them).</summary>
    public static string Iso(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset CityMidnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), CityOffset);
}
