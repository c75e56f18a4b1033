namespace WorkflowHub.Campaign.Spreadsheets.Import;

/// <summary>
/// Finds the header row below any title rows: the first row in which at least two cells are known column headers.
/// </summary>
internal static class HeaderRowLocator
{
    public const int MinimumMatches = 2;

    /// <summary>The column index of each recognised header (the first occurrence wins), or null when the row is not a header.</summary>
    public static Dictionary<HazardImportColumn, int>? TryMap(SourceRow row)
    {
        var map = new Dictionary<HazardImportColumn, int>();
        for (var i = 0; i < row.Cells.Count; i++)
        {
            if (row.Cells[i] is string header && HazardImportColumns.TryMatch(header, out var column))
            {
                map.TryAdd(column, i);
            }
        }
        return map.Count >= MinimumMatches ? map : null;
    }
}
