using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace WorkflowHub.Campaign.Tests.Spreadsheets;

/// <summary>Opens a produced workbook with the Open XML SDK and answers what a reviewer would look at.</summary>
internal sealed class XlsxInspector : IDisposable
{
    private readonly SpreadsheetDocument _document;

    public XlsxInspector(byte[] bytes) => _document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);

    private WorkbookPart Workbook => _document.WorkbookPart!;

    public IReadOnlyList<string> SheetNames => Workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    public Worksheet Sheet(string name)
    {
        var sheet = Workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)Workbook.GetPartById(sheet.Id!)).Worksheet;
    }

    public Cell? Cell(string sheet, string reference) =>
        Sheet(sheet).Descendants<Cell>().SingleOrDefault(c => c.CellReference == reference);

    /// <summary>The cell's text, empty when the cell is absent.</summary>
    public string Text(string sheet, string reference)
    {
        var cell = Cell(sheet, reference);
        if (cell is null)
        {
            return string.Empty;
        }
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString!.InnerText;
        }
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            var index = int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture);
            return Workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(index).InnerText;
        }
        return cell.CellValue?.Text ?? string.Empty;
    }

    public double Number(string sheet, string reference) =>
        double.Parse(Cell(sheet, reference)!.CellValue!.Text, CultureInfo.InvariantCulture);

    /// <summary>The number format code a cell is shown with (null for General).</summary>
    public string? FormatCode(string sheet, string reference)
    {
        var styleIndex = Cell(sheet, reference)!.StyleIndex?.Value ?? 0;
        var format = Workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)styleIndex);
        var id = format.NumberFormatId?.Value ?? 0;
        return Workbook.WorkbookStylesPart.Stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .SingleOrDefault(f => f.NumberFormatId?.Value == id)?.FormatCode?.Value;
    }

    public bool IsBold(string sheet, string reference)
    {
        var styleIndex = Cell(sheet, reference)!.StyleIndex?.Value ?? 0;
        var stylesheet = Workbook.WorkbookStylesPart!.Stylesheet;
        var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)styleIndex);
        return stylesheet.Fonts!.Elements<Font>().ElementAt((int)(format.FontId?.Value ?? 0)).Bold is not null;
    }

    public IReadOnlyList<string> MergedRanges(string sheet) =>
        Sheet(sheet).Descendants<MergeCell>().Select(m => m.Reference!.Value!).ToList();

    /// <summary>How many rows hold data below the three layout rows (title, subtitle, header).</summary>
    public int DataRowCount(string sheet) => Sheet(sheet).Descendants<Row>().Count(r => r.RowIndex!.Value > 3);

    public Pane? FrozenPane(string sheet) => Sheet(sheet).Descendants<Pane>().SingleOrDefault();

    public IReadOnlyList<double> ColumnWidths(string sheet) =>
        Sheet(sheet).Descendants<Column>().Select(c => c.Width!.Value).ToList();

    /// <summary>Schema errors Excel would complain about ("we found a problem with some content"), as text.</summary>
    public IReadOnlyList<string> SchemaErrors() => new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016)
        .Validate(_document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

    public void Dispose() => _document.Dispose();
}
