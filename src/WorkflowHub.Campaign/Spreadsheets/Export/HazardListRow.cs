namespace WorkflowHub.Campaign.Spreadsheets.Export;

/// <summary>One line of the problem-and-hazard list (问题隐患清单), already in the words the list prints.</summary>
/// <param name="Source">自查 / 执法检查 / 四不两直 / 举报.</param>
/// <param name="Grade">一般 / 重大 / 未定级.</param>
/// <param name="State">待定级 / 整改中 / 待验收 / 已销号 …; 已销号 or a closing date counts the hazard as closed.</param>
public sealed record HazardListRow(
    string Number,
    string Title,
    string? Description,
    string AreaCode,
    string? District,
    string? ResponsibleUnit,
    string? Enterprise,
    string Source,
    string Grade,
    DateOnly? FoundAt,
    DateOnly? TimeLimit,
    string State,
    bool ListedForSupervision,
    DateOnly? ClosedAt)
{
    public const string ClosedState = "已销号";

    public bool IsClosed => ClosedAt.HasValue || State == ClosedState;
}
