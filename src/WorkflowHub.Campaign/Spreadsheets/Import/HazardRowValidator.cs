using System.Globalization;

namespace WorkflowHub.Campaign.Spreadsheets.Import;

/// <summary>Turns one raw row into a <see cref="HazardImportRow"/> or into the list of what is wrong with it, cell by cell.</summary>
internal sealed class HazardRowValidator(Dictionary<HazardImportColumn, int> columns, IImportLookups lookups, DateOnly today)
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 2000;
    public const int MaxNameLength = 200;

    public HazardImportRow? Validate(SourceRow row, List<ImportRowError> errors)
    {
        var before = errors.Count;
        var n = row.RowNumber;

        var title = Text(row, HazardImportColumn.Title);
        if (title is null)
        {
            errors.Add(Error(n, HazardImportColumn.Title, ImportErrorCode.Required, "不能为空", "is required"));
        }
        CheckLength(n, HazardImportColumn.Title, title, MaxTitleLength, errors);

        var description = Text(row, HazardImportColumn.Description);
        CheckLength(n, HazardImportColumn.Description, description, MaxDescriptionLength, errors);

        var areaCode = Resolve(n, row, HazardImportColumn.Area, lookups.TryResolveArea, ImportErrorCode.UnknownArea, "专项领域", "area", errors);
        var districtCode = Resolve(n, row, HazardImportColumn.District, lookups.TryResolveDistrict, ImportErrorCode.UnknownDistrict, "区县", "district", errors);

        var enterprise = Text(row, HazardImportColumn.Enterprise);
        CheckLength(n, HazardImportColumn.Enterprise, enterprise, MaxNameLength, errors);

        // Enterprises hand in self-inspection lists, so a list without a source column (or an empty cell) means 自查.
        var source = HazardImportSource.SelfInspection;
        var sourceText = Text(row, HazardImportColumn.Source);
        if (sourceText is not null && !HazardImportSources.TryParse(sourceText, out source))
        {
            errors.Add(Error(n, HazardImportColumn.Source, ImportErrorCode.UnknownSource,
                $"未知的来源 \"{sourceText}\"（应为 自查/执法检查/四不两直/举报）",
                $"unknown source \"{sourceText}\" (expected self-inspection, inspection, unannounced inspection or public report)"));
        }

        var foundAt = FoundAt(n, row, errors);

        var location = Text(row, HazardImportColumn.Location);
        CheckLength(n, HazardImportColumn.Location, location, MaxNameLength, errors);

        return errors.Count > before
            ? null
            : new HazardImportRow(n, title!, description, areaCode!, districtCode!, enterprise, source, foundAt!.Value, location);
    }

    private DateOnly? FoundAt(int n, SourceRow row, List<ImportRowError> errors)
    {
        var raw = Cell(row, HazardImportColumn.FoundAt);
        if (raw is null || (raw is string s && string.IsNullOrWhiteSpace(s)))
        {
            errors.Add(Error(n, HazardImportColumn.FoundAt, ImportErrorCode.Required, "不能为空", "is required"));
            return null;
        }
        if (!ImportDateParser.TryParse(raw, out var date))
        {
            var shown = Show(raw);
            errors.Add(Error(n, HazardImportColumn.FoundAt, ImportErrorCode.InvalidDate,
                $"无法识别的日期 \"{shown}\"（例如 2020-07-01、2020/7/1、2020年7月1日）",
                $"unrecognised date \"{shown}\" (e.g. 2020-07-01, 2020/7/1)"));
            return null;
        }
        // A hazard cannot have been found tomorrow: a future date is a typing error (usually the year).
        if (date > today)
        {
            errors.Add(Error(n, HazardImportColumn.FoundAt, ImportErrorCode.FutureDate,
                $"发现时间 {date:yyyy-MM-dd} 晚于今天 {today:yyyy-MM-dd}",
                $"found-at {date:yyyy-MM-dd} is after today {today:yyyy-MM-dd}"));
            return null;
        }
        return date;
    }

    private string? Resolve(
        int n, SourceRow row, HazardImportColumn column, TryResolve resolve, ImportErrorCode unknownCode,
        string nounZh, string nounEn, List<ImportRowError> errors)
    {
        var text = Text(row, column);
        if (text is null)
        {
            errors.Add(Error(n, column, ImportErrorCode.Required, "不能为空", "is required"));
            return null;
        }
        if (resolve(text, out var code))
        {
            return code;
        }
        errors.Add(Error(n, column, unknownCode, $"未知的{nounZh} \"{text}\"", $"unknown {nounEn} \"{text}\""));
        return null;
    }

    private delegate bool TryResolve(string text, out string code);

    private static void CheckLength(int n, HazardImportColumn column, string? value, int max, List<ImportRowError> errors)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(Error(n, column, ImportErrorCode.TooLong,
                $"长度 {value.Length} 超过 {max} 个字符", $"is {value.Length} characters long, at most {max} allowed"));
        }
    }

    private object? Cell(SourceRow row, HazardImportColumn column) => columns.TryGetValue(column, out var index) ? row[index] : null;

    private string? Text(SourceRow row, HazardImportColumn column)
    {
        var value = Cell(row, column);
        if (value is null)
        {
            return null;
        }
        var text = Show(value).Trim();
        return text.Length == 0 ? null : text;
    }

    private static string Show(object value) => value switch
    {
        string s => s,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("G15", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    internal static ImportRowError Error(int rowNumber, HazardImportColumn column, ImportErrorCode code, string messageZh, string messageEn)
    {
        var headerZh = HazardImportColumns.HeaderZh(column);
        return new ImportRowError(rowNumber, headerZh, code,
            $"第{rowNumber}行 {headerZh}: {messageZh}",
            $"row {rowNumber} {HazardImportColumns.NameEn(column)}: {messageEn}");
    }
}
