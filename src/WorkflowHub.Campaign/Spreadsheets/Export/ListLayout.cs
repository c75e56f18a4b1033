namespace WorkflowHub.Campaign.Spreadsheets.Export;

/// <summary>
/// Everything that differs between the two lists; the workbook writer is the same for both.
/// </summary>
public sealed record ListLayout<TRow>(
    string ListNameZh,
    IReadOnlyList<ListColumn<TRow>> Columns,
    Func<TRow, string> AreaCode,
    Func<TRow, bool> IsFinished,
    Func<TRow, DateOnly?> Deadline,
    ListSummaryLabels SummaryLabels);

/// <summary>Column headers of the 汇总 sheet, which name "finished" and "open" in the list's own terms.</summary>
public sealed record ListSummaryLabels(string TotalZh, string FinishedZh, string OpenZh, string OverdueZh);
