namespace WorkflowHub.Campaign.Spreadsheets.Import;

/// <summary>How a hazard was found: 自查, 执法检查, 四不两直 (unannounced inspection) or 举报 (public report).</summary>
public enum HazardImportSource
{
    SelfInspection,
    Inspection,
    UnannouncedInspection,
    PublicReport,
}

/// <summary>The words a list may use for each source, in Chinese and English.</summary>
public static class HazardImportSources
{
    private static readonly Dictionary<string, HazardImportSource> ByWord = new(StringComparer.OrdinalIgnoreCase)
    {
        ["自查"] = HazardImportSource.SelfInspection,
        ["企业自查"] = HazardImportSource.SelfInspection,
        ["self-inspection"] = HazardImportSource.SelfInspection,
        ["self inspection"] = HazardImportSource.SelfInspection,
        ["selfinspection"] = HazardImportSource.SelfInspection,
        ["执法检查"] = HazardImportSource.Inspection,
        ["检查"] = HazardImportSource.Inspection,
        ["inspection"] = HazardImportSource.Inspection,
        ["四不两直"] = HazardImportSource.UnannouncedInspection,
        ["unannounced inspection"] = HazardImportSource.UnannouncedInspection,
        ["unannounced"] = HazardImportSource.UnannouncedInspection,
        ["举报"] = HazardImportSource.PublicReport,
        ["群众举报"] = HazardImportSource.PublicReport,
        ["public report"] = HazardImportSource.PublicReport,
        ["report"] = HazardImportSource.PublicReport,
    };

    public static bool TryParse(string text, out HazardImportSource source) => ByWord.TryGetValue(text.Trim(), out source);

    public static string ToChinese(HazardImportSource source) => source switch
    {
        HazardImportSource.SelfInspection => "自查",
        HazardImportSource.Inspection => "执法检查",
        HazardImportSource.UnannouncedInspection => "四不两直",
        HazardImportSource.PublicReport => "举报",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };
}
