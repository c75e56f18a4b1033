namespace WorkflowHub.Campaign.Spreadsheets.Import;

/// <summary>
/// One problem found in an import file, in Chinese and English. A null <see cref="RowNumber"/> means the whole file is refused
/// (too large, not a spreadsheet, no header, too many rows).
/// </summary>
public sealed record ImportRowError(int? RowNumber, string? ColumnZh, ImportErrorCode Code, string MessageZh, string MessageEn)
{
    public bool IsFileError => RowNumber is null;

    /// <summary>"第5行 区县(市): 未知的区县 "道里" / row 5 district: unknown district "道里"".</summary>
    public string Message => $"{MessageZh} / {MessageEn}";

    public override string ToString() => Message;
}

public enum ImportErrorCode
{
    FileTooLarge,
    UnsupportedFormat,
    HeaderNotFound,
    MissingColumn,
    TooManyRows,
    Required,
    TooLong,
    UnknownArea,
    UnknownDistrict,
    UnknownSource,
    InvalidDate,
    FutureDate,
}
