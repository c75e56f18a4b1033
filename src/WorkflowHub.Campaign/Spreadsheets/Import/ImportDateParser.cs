using System.Globalization;

namespace WorkflowHub.Campaign.Spreadsheets.Import;

/// <summary>
/// Reads the dates people type into lists: 2020/7/1, 2020-07-01, 2020.7.1, 2020年7月1日, 20200701, with or without a time,
/// and Excel serial numbers (a date cell, or its number pasted as text).
/// </summary>
public static class ImportDateParser
{
    private static readonly string[] Formats = BuildFormats();

    // Excel's serials run from 1 (1900-01-01) to 2958465 (9999-12-31).
    private const double MaxSerial = 2958466;

    public static bool TryParse(object? value, out DateOnly date)
    {
        date = default;
        switch (value)
        {
            case DateTime dateTime:
                date = DateOnly.FromDateTime(dateTime);
                return true;
            case DateOnly dateOnly:
                date = dateOnly;
                return true;
            case double serial:
                return TryFromSerial(serial, out date);
            case int serial:
                return TryFromSerial(serial, out date);
            case string text:
                return TryParseText(text.Trim(), out date);
            default:
                return false;
        }
    }

    private static bool TryParseText(string text, out DateOnly date)
    {
        date = default;
        if (text.Length == 0)
        {
            return false;
        }
        if (DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            date = DateOnly.FromDateTime(parsed);
            return true;
        }
        // A serial pasted as text ("44013"); eight digits are taken as yyyyMMdd above, so only shorter numbers get here.
        return text.Length <= 6 && double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial)
            && TryFromSerial(serial, out date);
    }

    private static bool TryFromSerial(double serial, out DateOnly date)
    {
        date = default;
        if (serial < 1 || serial >= MaxSerial || double.IsNaN(serial))
        {
            return false;
        }
        date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
        return true;
    }

    private static string[] BuildFormats()
    {
        string[] dates = ["yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyy年M月d日", "yyyy年M月d号", "yyyyMMdd"];
        string[] times = ["", " H:mm", " H:mm:ss", "THH:mm:ss"];
        return dates.SelectMany(d => times.Select(t => d + t)).ToArray();
    }
}
