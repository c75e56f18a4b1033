using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace WorkflowHub.Campaign.Spreadsheets.Export;

/// <summary>The few cell styles an office list uses; the constants are indexes into the stylesheet built here.</summary>
internal static class WorkbookStyles
{
    public const uint Title = 1;
    public const uint Subtitle = 2;
    public const uint Header = 3;
    public const uint Text = 4;
    public const uint WrappedText = 5;
    public const uint Date = 6;
    public const uint Number = 7;
    public const uint TotalRow = 8;

    public const uint DateFormatId = 164;
    public const string DateFormatCode = "yyyy-mm-dd";

    private const string FontName = "宋体";

    public static Stylesheet Build() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = DateFormatCode }) { Count = 1 },
        new Fonts(
            Font(11, bold: false),
            Font(16, bold: true),
            Font(11, bold: true)) { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9D9D9" }) { PatternType = PatternValues.Solid })) { Count = 3 },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new RightBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new TopBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new DiagonalBorder())) { Count = 2 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0 },
            Format(fontId: 1, fillId: 0, borderId: 0, HorizontalAlignmentValues.Center, wrap: false),
            Format(fontId: 0, fillId: 0, borderId: 0, HorizontalAlignmentValues.Left, wrap: false),
            Format(fontId: 2, fillId: 2, borderId: 1, HorizontalAlignmentValues.Center, wrap: true),
            Format(fontId: 0, fillId: 0, borderId: 1, HorizontalAlignmentValues.Left, wrap: false),
            Format(fontId: 0, fillId: 0, borderId: 1, HorizontalAlignmentValues.Left, wrap: true),
            DateFormat(),
            Format(fontId: 0, fillId: 0, borderId: 1, HorizontalAlignmentValues.Center, wrap: false),
            Format(fontId: 2, fillId: 0, borderId: 1, HorizontalAlignmentValues.Center, wrap: false)) { Count = 9 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static Font Font(double size, bool bold)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }
        font.Append(new FontSize { Val = size }, new FontName { Val = FontName }, new FontCharSet { Val = 134 });
        return font;
    }

    private static CellFormat Format(uint fontId, uint fillId, uint borderId, HorizontalAlignmentValues horizontal, bool wrap) => new(
        new Alignment { Horizontal = horizontal, Vertical = VerticalAlignmentValues.Center, WrapText = wrap ? true : null })
    {
        FontId = fontId,
        FillId = fillId,
        BorderId = borderId,
        ApplyFont = fontId != 0 ? true : null,
        ApplyFill = fillId != 0 ? true : null,
        ApplyBorder = borderId != 0 ? true : null,
        ApplyAlignment = true,
    };

    private static CellFormat DateFormat()
    {
        var format = Format(fontId: 0, fillId: 0, borderId: 1, HorizontalAlignmentValues.Center, wrap: false);
        format.NumberFormatId = DateFormatId;
        format.ApplyNumberFormat = BooleanValue.FromBoolean(true);
        return format;
    }
}
