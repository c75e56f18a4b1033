using System.Globalization;

namespace WorkflowHub.Campaign.Decisions;

/// <summary>Configuration section <c>Decisions</c>: when the daily sweep runs.</summary>
public sealed class DecisionsOptions
{
    public const string SectionName = "Decisions";

    /// <summary>Local time of day of the sweep with its UTC offset, e.g. "02:00 +08:00" (an offset left out means +08:00).</summary>
    public string SweepAt { get; set; } = "02:00 +08:00";

    /// <summary>Off in tests that run the sweep themselves.</summary>
    public bool SweepEnabled { get; set; } = true;

    /// <summary>The time of day and offset <see cref="SweepAt"/> names.</summary>
    /// <exception cref="FormatException">The setting is not "HH:mm" or "HH:mm ±hh:mm".</exception>
    public (TimeSpan TimeOfDay, TimeSpan Offset) ParseSweepAt()
    {
        var parts = SweepAt.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2
            || !TimeSpan.TryParseExact(parts[0], @"hh\:mm", CultureInfo.InvariantCulture, out var timeOfDay))
        {
            throw new FormatException($"{SectionName}:SweepAt must read \"HH:mm\" or \"HH:mm +hh:mm\", not \"{SweepAt}\".");
        }

        var offset = TimeSpan.FromHours(8);
        if (parts.Length == 2)
        {
            var text = parts[1];
            var negative = text.StartsWith('-');
            if (!(text.StartsWith('+') || negative)
                || !TimeSpan.TryParseExact(text[1..], @"hh\:mm", CultureInfo.InvariantCulture, out offset))
            {
                throw new FormatException($"{SectionName}:SweepAt must name its offset as +hh:mm or -hh:mm, not \"{text}\".");
            }

            offset = negative ? -offset : offset;
        }

        return (timeOfDay, offset);
    }

    /// <summary>The first sweep instant strictly after <paramref name="now"/>.</summary>
    public DateTimeOffset NextSweepAfter(DateTimeOffset now)
    {
        var (timeOfDay, offset) = ParseSweepAt();
        var local = now.ToOffset(offset);
        var candidate = new DateTimeOffset(local.Date + timeOfDay, offset);
        return candidate > now ? candidate : candidate.AddDays(1);
    }
}
