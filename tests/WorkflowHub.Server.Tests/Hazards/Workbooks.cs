using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace WorkflowHub.Server.Tests.Hazards;

/// <summary>Reads a downloaded workbook back: sheet names in order and each sheet's rows as text.</summary>
public sealed class Workbooks
{
    private Workbooks(IReadOnlyList<string> sheetNames, IReadOnlyDictionary<string, IReadOnlyList<(uint Row, IReadOnlyList<string> Cells)>> rows)
    {
        SheetNames = sheetNames;
        Rows = rows;
    }

    public IReadOnlyList<string> SheetNames { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<(uint Row, IReadOnlyList<string> Cells)>> Rows { get; }

    public IReadOnlyList<string> RowOf(string sheet, uint row) => Rows[sheet].Single(r => r.Row == row).Cells;

    /// <summary>Rows below the header row (row 3), which are the list's lines.</summary>
    public int DataRowCount(string sheet) => Rows[sheet].Count(r => r.Row > 3);

    public static Workbooks Open(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var workbookPart = document.WorkbookPart!;
        var shared = workbookPart.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var names = new List<string>();
        var rows = new Dictionary<string, IReadOnlyList<(uint, IReadOnlyList<string>)>>();
        foreach (var sheet in workbookPart.Workbook.Sheets!.Elements<Sheet>())
        {
            var name = sheet.Name!.Value!;
            names.Add(name);
            var part = (WorksheetPart)workbookPart.GetPartById(sheet.Id!.Value!);
            rows[name] = part.Worksheet.Descendants<Row>()
                .Select(r => (r.RowIndex!.Value, (IReadOnlyList<string>)r.Elements<Cell>().Select(c => Text(c, shared)).ToList()))
                .ToList();
        }

        return new Workbooks(names, rows);
    }

    private static string Text(Cell cell, List<string> shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(cell.CellValue?.Text, out var index))
        {
            return shared[index];
        }

        return cell.CellValue?.Text ?? string.Empty;
    }
}
