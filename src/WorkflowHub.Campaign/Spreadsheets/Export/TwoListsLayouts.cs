namespace WorkflowHub.Campaign.Spreadsheets.Export;

/// <summary>The columns of the two lists in the order a government office reads them.</summary>
public static class TwoListsLayouts
{
    public const string HazardListNameZh = "问题隐患清单";
    public const string MeasureListNameZh = "制度措施清单";

    public static ListLayout<HazardListRow> Hazards { get; } = new(
        HazardListNameZh,
        [
            new("编号", 16, r => r.Number),
            new("隐患名称", 28, r => r.Title, Wrap: true),
            new("隐患描述", 40, r => r.Description, Wrap: true),
            new("区县(市)", 12, r => r.District),
            new("责任单位", 20, r => r.ResponsibleUnit, Wrap: true),
            new("生产经营单位", 24, r => r.Enterprise, Wrap: true),
            new("来源", 10, r => r.Source),
            new("等级", 8, r => r.Grade),
            new("发现时间", 12, r => r.FoundAt),
            new("整改时限", 12, r => r.TimeLimit),
            new("状态", 10, r => r.State),
            new("挂牌督办", 10, r => r.ListedForSupervision ? "是" : "否"),
            new("销号时间", 12, r => r.ClosedAt),
        ],
        r => r.AreaCode,
        r => r.IsClosed,
        r => r.TimeLimit,
        new ListSummaryLabels("隐患总数", "已销号", "未销号", "逾期未整改"));

    public static ListLayout<MeasureListRow> Measures { get; } = new(
        MeasureListNameZh,
        [
            new("编号", 16, r => r.Number),
            new("制度措施名称", 30, r => r.Title, Wrap: true),
            new("主要内容", 48, r => r.Content, Wrap: true),
            new("责任单位", 22, r => r.ResponsibleUnit, Wrap: true),
            new("完成时限", 12, r => r.Timetable),
            new("状态", 10, r => r.State),
            new("完成时间", 12, r => r.CompletedAt),
        ],
        r => r.AreaCode,
        r => r.IsDone,
        r => r.Timetable,
        new ListSummaryLabels("措施总数", "已完成", "未完成", "逾期未完成"));
}
