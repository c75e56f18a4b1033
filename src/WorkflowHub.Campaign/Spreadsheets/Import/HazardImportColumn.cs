namespace WorkflowHub.Campaign.Spreadsheets.Import;

/// <summary>The columns a self-inspection list may have.</summary>
public enum HazardImportColumn
{
    Title,
    Description,
    Area,
    District,
    Enterprise,
    Source,
    FoundAt,
    Location,
}

/// <summary>
/// The header words each column answers to, in Chinese and English; matching ignores spaces, case, a required-field
/// asterisk and the difference between full-width and half-width brackets.
/// </summary>
public static class HazardImportColumns
{
    private sealed record Definition(HazardImportColumn Column, string HeaderZh, string NameEn, bool Required, string[] Aliases);

    private static readonly Definition[] Definitions =
    [
        new(HazardImportColumn.Title, "隐患名称", "title", true, ["隐患名称", "问题隐患名称", "隐患", "问题隐患", "名称", "title", "name", "hazard"]),
        new(HazardImportColumn.Description, "隐患描述", "description", false, ["隐患描述", "问题描述", "隐患内容", "描述", "description", "details"]),
        new(HazardImportColumn.Area, "专项领域", "area", true, ["专项领域", "所属领域", "行业领域", "专项", "领域", "专题", "area", "sector"]),
        new(HazardImportColumn.District, "区县(市)", "district", true, ["区县(市)", "区县", "所属区县", "所属区县(市)", "区、县(市)", "district", "county"]),
        new(HazardImportColumn.Enterprise, "生产经营单位", "enterprise", false, ["生产经营单位", "企业名称", "单位名称", "企业", "enterprise", "company"]),
        new(HazardImportColumn.Source, "来源", "source", false, ["来源", "隐患来源", "发现方式", "source"]),
        new(HazardImportColumn.FoundAt, "发现时间", "found at", true, ["发现时间", "发现日期", "排查时间", "排查日期", "foundat", "found", "datefound", "date"]),
        new(HazardImportColumn.Location, "位置", "location", false, ["位置", "地点", "隐患位置", "隐患地点", "具体位置", "location", "place"]),
    ];

    private static readonly Dictionary<string, HazardImportColumn> ByAlias = Definitions
        .SelectMany(d => d.Aliases.Select(a => (Key: NormalizeHeader(a), d.Column)))
        .ToDictionary(x => x.Key, x => x.Column);

    public static IReadOnlyList<HazardImportColumn> Required { get; } = Definitions.Where(d => d.Required).Select(d => d.Column).ToList();

    public static string HeaderZh(HazardImportColumn column) => Definitions[(int)column].HeaderZh;

    public static string NameEn(HazardImportColumn column) => Definitions[(int)column].NameEn;

    public static bool TryMatch(string header, out HazardImportColumn column) => ByAlias.TryGetValue(NormalizeHeader(header), out column);

    internal static string NormalizeHeader(string header)
    {
        var chars = header.Trim()
            .Replace('（', '(').Replace('）', ')')
            .Where(c => !char.IsWhiteSpace(c) && c is not ('*' or '＊' or '_' or '-'))
            .Select(char.ToLowerInvariant)
            .ToArray();
        return new string(chars);
    }
}
