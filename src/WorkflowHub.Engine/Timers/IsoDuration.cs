using System.Globalization;
using System.Text.RegularExpressions;

namespace WorkflowHub.Engine.Timers;

/// <summary>An ISO 8601 duration (PnYnMnWnDTnHnMnS). Years and months are calendar units, added to a date.</summary>
public readonly partial record struct IsoDuration(int Years, int Months, int Days, TimeSpan Time)
{
    [GeneratedRegex(@"^(?<neg>-)?P(?:(?<y>\d+)Y)?(?:(?<mo>\d+)M)?(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+)H)?(?:(?<mi>\d+)M)?(?:(?<s>\d+(?:[.,]\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool TryParse(string text, out IsoDuration duration)
    {
        duration = default;
        var match = Pattern().Match(text.Trim());
        if (!match.Success || text.Trim() is "P" or "PT" || text.Trim().EndsWith('T'))
        {
            return false;
        }

        static int Int(Group g) => g.Success ? int.Parse(g.Value, CultureInfo.InvariantCulture) : 0;
        var seconds = match.Groups["s"].Success ? double.Parse(match.Groups["s"].Value.Replace(',', '.'), CultureInfo.InvariantCulture) : 0;
        var sign = match.Groups["neg"].Success ? -1 : 1;
        duration = new IsoDuration(
            sign * Int(match.Groups["y"]),
            sign * Int(match.Groups["mo"]),
            sign * ((Int(match.Groups["w"]) * 7) + Int(match.Groups["d"])),
            sign * (TimeSpan.FromHours(Int(match.Groups["h"])) + TimeSpan.FromMinutes(Int(match.Groups["mi"])) + TimeSpan.FromSeconds(seconds)));
        return true;
    }

    public static IsoDuration Parse(string text) =>
        TryParse(text, out var duration) ? duration : throw new FormatException($"'{text}' is not an ISO 8601 duration.");

    public DateTimeOffset AddTo(DateTimeOffset start) => start.AddYears(Years).AddMonths(Months).AddDays(Days).Add(Time);

    public bool IsPositive => Years > 0 || Months > 0 || Days > 0 || Time > TimeSpan.Zero;
}
