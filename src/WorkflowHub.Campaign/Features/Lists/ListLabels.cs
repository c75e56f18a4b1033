using WorkflowHub.Campaign.Hazards;

namespace WorkflowHub.Campaign.Features.Lists;

/// <summary>The Chinese words the two lists print for sources, grades and states.</summary>
public static class ListLabels
{
    public static string Source(HazardSource source) => source switch
    {
        HazardSource.SelfInspection => "自查",
        HazardSource.Inspection => "执法检查",
        HazardSource.PublicReport => "举报",
        _ => source.ToString(),
    };

    public static string Grade(HazardGrade grade) => grade switch
    {
        HazardGrade.General => "一般",
        HazardGrade.Major => "重大",
        _ => "未定级",
    };

    public static string State(HazardState state) => state switch
    {
        HazardState.Reported => "已上报",
        HazardState.Grading => "待定级",
        HazardState.Planning => "制定方案",
        HazardState.Rectifying => "整改中",
        HazardState.AwaitingAcceptance => "待验收",
        HazardState.Closed => "已销号",
        _ => state.ToString(),
    };

    public static string State(MeasureState state) => state switch
    {
        MeasureState.Planned => "未启动",
        MeasureState.InProgress => "推进中",
        MeasureState.Done => "已完成",
        _ => state.ToString(),
    };
}
