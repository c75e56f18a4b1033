namespace WorkflowHub.Rules.Decisions;

/// <summary>The graded measures of the campaign plan (保障措施 五, 严肃问效问责).</summary>
public enum DecisionKind
{
    /// <summary>提醒</summary>
    Reminder,

    /// <summary>督办</summary>
    SupervisionNotice,

    /// <summary>挂牌督办</summary>
    ListedSupervision,

    /// <summary>通报</summary>
    Circular,

    /// <summary>约谈</summary>
    Interview,

    /// <summary>警示</summary>
    Warning,

    /// <summary>问责</summary>
    AccountabilityReferral,

    /// <summary>移交纪检监察</summary>
    DisciplineReferral,

    /// <summary>移交司法</summary>
    JudicialReferral,

    /// <summary>跟踪指导服务</summary>
    FollowUpGuidance,
}
