using System.Globalization;
using WorkflowHub.Campaign.Plan;

namespace WorkflowHub.Campaign.Notifications;

/// <summary>
/// What each <c>notify</c> task of the workflows says, and to whom. The addressee is the unit the workflow is about
/// (the interviewed or referred unit, the unit that filed a plan); a notice with none goes to the committee office.
/// </summary>
public static class NoticeTexts
{
    /// <summary>Variables naming the addressee, in the order they are looked for.</summary>
    public static readonly IReadOnlyList<string> AddresseeVariables = ["notifyUnit", "interviewedUnit", "referredUnit", "unitCode", "responsibleUnit"];

    public sealed record Text(string TitleZh, string TitleEn, string BodyZh, string BodyEn);

    public static string Addressee(IReadOnlyDictionary<string, object?> variables) =>
        AddresseeVariables.Select(name => Word(variables, name)).FirstOrDefault(code => code is not null) ?? PlanOrgCodes.SafetyOffice;

    public static Text For(string definitionKey, string elementId, string? businessKey, IReadOnlyDictionary<string, object?> variables)
    {
        var subject = Word(variables, "subjectLabel") ?? businessKey ?? string.Empty;
        var reasonZh = Word(variables, "reasonZh");
        var reasonEn = Word(variables, "reasonEn");
        return elementId switch
        {
            "Task_NotifyFiled" => new(
                "实施方案已备案",
                "Implementation plan filed",
                $"你单位报送的实施方案（{businessKey}）已经市安委会办公室审查备案。",
                $"The implementation plan your unit submitted ({businessKey}) has been reviewed and filed by the committee office."),
            "Task_NotifyInterview" => new(
                "约谈通知",
                "Notice of interview",
                $"因{subject}，市安委会办公室将约谈你单位主要负责人。{reasonZh}",
                $"Because of {subject}, the committee office will interview the head of your unit. {reasonEn}"),
            "Task_SendReferral" => new(
                "问责线索已移送纪检监察机关",
                "Accountability case referred to discipline inspection",
                $"关于{subject}的问责线索已移送纪检监察机关。{reasonZh}",
                $"The accountability case concerning {subject} has been referred to discipline inspection. {reasonEn}"),
            "Task_ChaseReply" => new(
                "催询问责办理进展",
                "Progress of the referral requested",
                $"关于{subject}的问责移送尚未收到办理结果，已催询纪检监察机关。",
                $"No result has come back yet for the referral concerning {subject}; discipline inspection has been asked for progress."),
            "Task_ReportToProvince" => new(
                "三年行动总结报告已上报省安委会",
                "Final campaign report sent to the province",
                $"三年行动总结报告（{businessKey}）已上报省安委会。",
                $"The campaign's final report ({businessKey}) has been sent to the provincial safety committee."),
            _ => new(
                "工作通知",
                "Notice",
                string.Create(CultureInfo.InvariantCulture, $"流程{definitionKey}的{elementId}（业务编号{businessKey}）发出通知。"),
                string.Create(CultureInfo.InvariantCulture, $"{definitionKey} sent a notice from {elementId} (business key {businessKey}).")),
        };
    }

    private static string? Word(IReadOnlyDictionary<string, object?> variables, string name) =>
        variables.GetValueOrDefault(name) is { } raw && Convert.ToString(raw, CultureInfo.InvariantCulture) is { Length: > 0 } text ? text.Trim() : null;
}
