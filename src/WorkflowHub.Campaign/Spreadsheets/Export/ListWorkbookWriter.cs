using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace WorkflowHub.Campaign.Spreadsheets.Export;

/// <summary>
/// Writes one list as a workbook: a 汇总 sheet with the counts per area first, then one sheet per area in the plan's order.
/// Both lists go through here; only their <see cref="ListLayout{TRow}"/> differs.
/// </summary>
public static class ListWorkbookWriter
{
    public const string SummarySheetName = "汇总";
    private const double SequenceColumnWidth = 6;

    public static void Write<TRow>(
        Stream output,
        ListLayout<TRow> layout,
        ListExportHeader header,
        IReadOnlyList<SpreadsheetArea> areas,
        IEnumerable<TRow> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        var orderedAreas = areas.OrderBy(a => a.Number).ToList();
        var rowsByArea = GroupByArea(layout, orderedAreas, rows);
        var subtitle = $"填报单位：{header.ReportingUnitZh}　　导出日期：{header.ExportDate:yyyy-MM-dd}";

        // System.IO.Packaging needs a seekable stream; an HTTP response body is not, so build in memory first.
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = WorkbookStyles.Build();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            var names = new SheetNames();

            AddSheet(workbookPart, sheets, names.Reserve(SummarySheetName),
                SummarySheet(layout, header, subtitle, orderedAreas, rowsByArea));
            foreach (var area in orderedAreas)
            {
                AddSheet(workbookPart, sheets, names.Reserve(area.DisplayShortNameZh),
                    AreaSheet(layout, header, subtitle, area, rowsByArea[area.Code]));
            }

            workbookPart.Workbook.Save();
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static Dictionary<string, List<TRow>> GroupByArea<TRow>(ListLayout<TRow> layout, List<SpreadsheetArea> areas, IEnumerable<TRow> rows)
    {
        var byArea = areas.ToDictionary(a => a.Code, _ => new List<TRow>(), StringComparer.Ordinal);
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var code = layout.AreaCode(row);
            if (byArea.TryGetValue(code, out var list))
            {
                list.Add(row);
            }
            else
            {
                unknown.Add(code);
            }
        }

        // A row that belongs to no area would silently vanish from every sheet: refuse rather than lose it.
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Rows refer to areas that are not in the list of areas: {string.Join(", ", unknown)}", nameof(rows));
        }
        return byArea;
    }

    private static Worksheet AreaSheet<TRow>(ListLayout<TRow> layout, ListExportHeader header, string subtitle, SpreadsheetArea area, List<TRow> rows)
    {
        var columns = new List<(string, double)> { ("序号", SequenceColumnWidth) };
        columns.AddRange(layout.Columns.Select(c => (c.HeaderZh, c.Width)));
        var sheet = new ListSheetBuilder($"{header.CampaignNameZh} {layout.ListNameZh}（{area.DisplayShortNameZh}）", subtitle, columns);

        var sequence = 0;
        foreach (var row in rows)
        {
            var cells = new List<(object?, uint)> { (++sequence, WorkbookStyles.Number) };
            cells.AddRange(layout.Columns.Select(c => (c.Value(row), c.Wrap ? WorkbookStyles.WrappedText : WorkbookStyles.Text)));
            sheet.AddRow(cells);
        }
        return sheet.Build();
    }

    private static Worksheet SummarySheet<TRow>(
        ListLayout<TRow> layout,
        ListExportHeader header,
        string subtitle,
        List<SpreadsheetArea> areas,
        Dictionary<string, List<TRow>> rowsByArea)
    {
        var labels = layout.SummaryLabels;
        var sheet = new ListSheetBuilder($"{header.CampaignNameZh} {layout.ListNameZh}（{SummarySheetName}）", subtitle,
        [
            ("序号", SequenceColumnWidth), ("专项领域", 44), (labels.TotalZh, 12), (labels.FinishedZh, 12), (labels.OpenZh, 12), (labels.OverdueZh, 12),
        ]);

        var totals = new ListCounts(0, 0, 0, 0);
        var sequence = 0;
        foreach (var area in areas)
        {
            var counts = ListCounts.Of(layout, rowsByArea[area.Code], header.ExportDate);
            totals += counts;
            sheet.AddRow(
            [
                (++sequence, WorkbookStyles.Number), (area.NameZh, WorkbookStyles.Text), (counts.Total, WorkbookStyles.Number),
                (counts.Finished, WorkbookStyles.Number), (counts.Open, WorkbookStyles.Number), (counts.Overdue, WorkbookStyles.Number),
            ]);
        }
        sheet.AddRow(
        [
            ("合计", WorkbookStyles.TotalRow), (null, WorkbookStyles.TotalRow), (totals.Total, WorkbookStyles.TotalRow),
            (totals.Finished, WorkbookStyles.TotalRow), (totals.Open, WorkbookStyles.TotalRow), (totals.Overdue, WorkbookStyles.TotalRow),
        ]);
        return sheet.Build();
    }

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, string name, Worksheet worksheet)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        part.Worksheet = worksheet;
        sheets.Append(new Sheet
        {
            Id = workbookPart.GetIdOfPart(part),
            SheetId = (uint)(sheets.ChildElements.Count + 1),
            Name = name,
        });
    }
}
