namespace WorkflowHub.Campaign.Spreadsheets.Export;

/// <summary>
/// An area of the plan as the spreadsheets need it: its place in the plan's order, its code and its Chinese names.
/// The short name titles the area's sheet; when the plan gives none it is the full name without the trailing 整治.
/// </summary>
public sealed record SpreadsheetArea(int Number, string Code, string NameZh, string? ShortNameZh = null)
{
    public string DisplayShortNameZh => string.IsNullOrWhiteSpace(ShortNameZh) ? DeriveShortName(NameZh) : ShortNameZh.Trim();

    // 消防安全整治 → 消防安全; topics (…专题) keep their name, it already reads as a title.
    private static string DeriveShortName(string nameZh)
    {
        var name = nameZh.Trim();
        return name.EndsWith("整治", StringComparison.Ordinal) && name.Length > 2 ? name[..^2] : name;
    }
}
