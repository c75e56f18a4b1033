using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;

namespace WorkflowHub.Campaign.Spreadsheets.Export;

/// <summary>
/// Lays out one sheet the way an office list looks: a title merged across the table, a subtitle (填报单位 / 导出日期),
/// a bold header row frozen under them, bordered data rows, fixed column widths and landscape printing.
/// </summary>
internal sealed class ListSheetBuilder
{
    public const uint TitleRow = 1;
    public const uint SubtitleRow = 2;
    public const uint HeaderRow = 3;

    private readonly SheetData _data = new();
    private readonly List<double> _widths;
    private uint _nextRow = HeaderRow + 1;

    public ListSheetBuilder(string title, string subtitle, IReadOnlyList<(string Header, double Width)> columns)
    {
        _widths = columns.Select(c => c.Width).ToList();
        var lastColumn = columns.Count;

        var titleRow = new Row { RowIndex = TitleRow, Height = 32, CustomHeight = true };
        titleRow.Append(TextCell(1, TitleRow, title, WorkbookStyles.Title));
        _data.Append(titleRow);

        var subtitleRow = new Row { RowIndex = SubtitleRow, Height = 20, CustomHeight = true };
        subtitleRow.Append(TextCell(1, SubtitleRow, subtitle, WorkbookStyles.Subtitle));
        _data.Append(subtitleRow);

        var headerRow = new Row { RowIndex = HeaderRow, Height = 28, CustomHeight = true };
        for (var c = 0; c < lastColumn; c++)
        {
            headerRow.Append(TextCell(c + 1, HeaderRow, columns[c].Header, WorkbookStyles.Header));
        }
        _data.Append(headerRow);

        LastColumn = lastColumn;
    }

    public int LastColumn { get; }

    /// <summary>Appends a data row; values are strings, numbers, <see cref="DateOnly"/> or null (an empty bordered cell).</summary>
    public void AddRow(IReadOnlyList<(object? Value, uint Style)> cells)
    {
        var rowIndex = _nextRow++;
        var row = new Row { RowIndex = rowIndex };
        for (var c = 0; c < cells.Count; c++)
        {
            row.Append(ValueCell(c + 1, rowIndex, cells[c].Value, cells[c].Style));
        }
        _data.Append(row);
    }

    public Worksheet Build()
    {
        var lastColumnLetter = CellReference.Column(LastColumn);
        var columns = new Columns();
        for (var c = 0; c < _widths.Count; c++)
        {
            var number = (uint)(c + 1);
            columns.Append(new Column { Min = number, Max = number, Width = _widths[c], CustomWidth = true });
        }

        var firstDataCell = CellReference.Of(1, HeaderRow + 1);
        var view = new SheetView(
            new Pane
            {
                VerticalSplit = 0D,
                HorizontalSplit = HeaderRow,
                TopLeftCell = firstDataCell,
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = firstDataCell, SequenceOfReferences = new([firstDataCell]) })
        { WorkbookViewId = 0 };

        var merges = new MergeCells(
            new MergeCell { Reference = $"A{TitleRow}:{lastColumnLetter}{TitleRow}" },
            new MergeCell { Reference = $"A{SubtitleRow}:{lastColumnLetter}{SubtitleRow}" })
        { Count = 2 };

        return new Worksheet(
            new SheetViews(view),
            new SheetFormatProperties { DefaultRowHeight = 18 },
            columns,
            _data,
            merges,
            new PageMargins { Left = 0.5, Right = 0.5, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 },
            new PageSetup { Orientation = OrientationValues.Landscape, PaperSize = 9 });
    }

    private static Cell ValueCell(int column, uint row, object? value, uint style) => value switch
    {
        null => new Cell { CellReference = CellReference.Of(column, row), StyleIndex = style },
        DateOnly date => NumberCell(column, row, date.ToDateTime(TimeOnly.MinValue).ToOADate(), WorkbookStyles.Date),
        int number => NumberCell(column, row, number, style),
        double number => NumberCell(column, row, number, style),
        string text => TextCell(column, row, text, style),
        _ => TextCell(column, row, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, style),
    };

    private static Cell NumberCell(int column, uint row, double number, uint style) => new(
        new CellValue(number.ToString(CultureInfo.InvariantCulture)))
    {
        CellReference = CellReference.Of(column, row),
        DataType = CellValues.Number,
        StyleIndex = style,
    };

    // Inline strings keep each sheet self-contained; the lists are small enough that a shared-string table saves nothing worth having.
    private static Cell TextCell(int column, uint row, string text, uint style) => new(
        new InlineString(new Text(text) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }))
    {
        CellReference = CellReference.Of(column, row),
        DataType = CellValues.InlineString,
        StyleIndex = style,
    };
}
