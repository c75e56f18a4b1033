using System.Globalization;

namespace WorkflowHub.Engine.Timers;

/// <summary>An ISO 8601 repeating interval: R[n]/[start/]duration. <see cref="Repetitions"/> null means unbounded.</summary>
public readonly record struct IsoCycle(int? Repetitions, DateTimeOffset? Start, IsoDuration Interval)
{
    public static bool TryParse(string text, out IsoCycle cycle)
    {
        cycle = default;
        var parts = text.Trim().Split('/');
        if (parts.Length is < 2 or > 3 || !parts[0].StartsWith('R'))
        {
            return false;
        }

        int? repetitions = null;
        if (parts[0].Length > 1)
        {
            if (!int.TryParse(parts[0].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var r))
            {
                return false;
            }

            repetitions = r;
        }

        DateTimeOffset? start = null;
        if (parts.Length == 3)
        {
            if (!DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s))
            {
                return false;
            }

            start = s;
        }

        if (!IsoDuration.TryParse(parts[^1], out var interval) || !interval.IsPositive)
        {
            return false;
        }

        cycle = new IsoCycle(repetitions, start, interval);
        return true;
    }

    public static IsoCycle Parse(string text) =>
        TryParse(text, out var cycle) ? cycle : throw new FormatException($"'{text}' is not an ISO 8601 repeating interval such as R/P1D or R3/PT10M.");

    /// <summary>The first firing at or after <paramref name="now"/>.</summary>
    public DateTimeOffset FirstDue(DateTimeOffset now)
    {
        if (Start is { } start)
        {
            return start;
        }

        return Interval.AddTo(now);
    }
}
