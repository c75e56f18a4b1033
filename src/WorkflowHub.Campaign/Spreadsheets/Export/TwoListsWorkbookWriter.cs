namespace WorkflowHub.Campaign.Spreadsheets.Export;

/// <summary>Exports the two lists (两个清单), one workbook each, in the layout a government office expects.</summary>
public sealed class TwoListsWorkbookWriter
{
    public const string HazardListFileName = TwoListsLayouts.HazardListNameZh + ".xlsx";
    public const string MeasureListFileName = TwoListsLayouts.MeasureListNameZh + ".xlsx";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Writes 问题隐患清单.xlsx: 汇总 first, then one sheet per area in the plan's order.</summary>
    public void WriteHazardList(Stream output, ListExportHeader header, IReadOnlyList<SpreadsheetArea> areas, IEnumerable<HazardListRow> rows) =>
        ListWorkbookWriter.Write(output, TwoListsLayouts.Hazards, header, areas, rows);

    /// <summary>Writes 制度措施清单.xlsx: 汇总 first, then one sheet per area in the plan's order.</summary>
    public void WriteMeasureList(Stream output, ListExportHeader header, IReadOnlyList<SpreadsheetArea> areas, IEnumerable<MeasureListRow> rows) =>
        ListWorkbookWriter.Write(output, TwoListsLayouts.Measures, header, areas, rows);
}
