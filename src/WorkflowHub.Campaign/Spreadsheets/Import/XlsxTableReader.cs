using MiniExcelLibs;

namespace WorkflowHub.Campaign.Spreadsheets.Import;

/// <summary>Streams the first sheet of a workbook as raw rows, numbered as Excel shows them.</summary>
internal static class XlsxTableReader
{
    public static IEnumerable<SourceRow> Read(Stream workbook)
    {
        var rowNumber = 0;
        // MiniExcel yields every row from A1 on (gaps as empty rows) with cells keyed by column letter.
        foreach (IDictionary<string, object?> row in workbook.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            rowNumber++;
            yield return new SourceRow(rowNumber, row.OrderBy(c => c.Key.Length).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value).ToList());
        }
    }
}
