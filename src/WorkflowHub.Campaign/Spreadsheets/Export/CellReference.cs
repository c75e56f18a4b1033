namespace WorkflowHub.Campaign.Spreadsheets.Export;

/// <summary>A1-style references: column 1 is A, 27 is AA.</summary>
internal static class CellReference
{
    public static string Column(int columnNumber)
    {
        var letters = string.Empty;
        for (var n = columnNumber; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }
        return letters;
    }

    public static string Of(int columnNumber, uint rowNumber) => Column(columnNumber) + rowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
