namespace WorkflowHub.Campaign.Spreadsheets.Export;

/// <summary>One line of the institutional-measures list (制度措施清单), already in the words the list prints.</summary>
/// <param name="State">未启动 / 推进中 / 已完成 …; 已完成 or a completion date counts the measure as done.</param>
public sealed record MeasureListRow(
    string Number,
    string Title,
    string? Content,
    string AreaCode,
    string? ResponsibleUnit,
    DateOnly? Timetable,
    string State,
    DateOnly? CompletedAt)
{
    public const string DoneState = "已完成";

    public bool IsDone => CompletedAt.HasValue || State == DoneState;
}
