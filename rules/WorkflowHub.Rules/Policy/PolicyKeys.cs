namespace WorkflowHub.Rules.Policy;

/// <summary>Every key policy.json must hold. Rules name the keys they read with <see cref="ReadsPolicyAttribute"/>.</summary>
public static class PolicyKeys
{
    public const string CalendarUtcOffsetHours = "calendar.utcOffsetHours";
    public const string TaskReminderAfterDaysOverdue = "task.reminderAfterDaysOverdue";
    public const string GeneralReminderAfterDaysOverdue = "generalHazard.reminderAfterDaysOverdue";
    public const string GeneralSupervisionAfterDaysOverdue = "generalHazard.supervisionAfterDaysOverdue";
    public const string GeneralInterviewAfterDaysOverdue = "generalHazard.interviewAfterDaysOverdue";
    public const string MajorInterviewAfterDaysOverdue = "majorHazard.interviewAfterDaysOverdue";
    public const string MajorUnresolvedDaysForAccountability = "majorHazard.unresolvedDaysForAccountability";
    public const string AcceptanceRejectionsForInterview = "acceptance.rejectionsForInterview";
    public const string TargetBehindToleranceRatio = "target.behindToleranceRatio";
    public const string TargetMissedAgainAfterDays = "target.missedAgainAfterDays";
    public const string DepartmentInterviewsForReferral = "department.interviewsForReferral";
    public const string DepartmentInterviewWindowDays = "department.interviewWindowDays";
    public const string SelfReportedGuidanceIfRectifiedWithinDays = "selfReported.guidanceIfRectifiedWithinDays";

    public static IReadOnlyList<PolicyKeyDefinition> All { get; } =
    [
        new(CalendarUtcOffsetHours, PolicyValueKind.UtcOffsetHours,
            "本地时区相对UTC的小时数，用于确定季度考核日。", "Local hours from UTC, used to find the quarterly check day."),
        new(TaskReminderAfterDaysOverdue, PolicyValueKind.Days,
            "待办任务逾期多少天后提醒。", "Days a user task is overdue before a reminder."),
        new(GeneralReminderAfterDaysOverdue, PolicyValueKind.Days,
            "一般隐患逾期多少天后提醒。", "Days a general hazard is overdue before a reminder."),
        new(GeneralSupervisionAfterDaysOverdue, PolicyValueKind.Days,
            "一般隐患逾期多少天后向责任部门督办。", "Days a general hazard is overdue before a supervision notice to the responsible department."),
        new(GeneralInterviewAfterDaysOverdue, PolicyValueKind.Days,
            "一般隐患逾期多少天后约谈单位主要负责人并通报。", "Days a general hazard is overdue before the unit's head is interviewed and a circular issued."),
        new(MajorInterviewAfterDaysOverdue, PolicyValueKind.Days,
            "重大隐患逾期多少天后约谈责任部门主要负责人。", "Days a major hazard is overdue before the responsible department's head is interviewed."),
        new(MajorUnresolvedDaysForAccountability, PolicyValueKind.Days,
            "重大隐患定级后悬而不决多少天移交问责。", "Days a major hazard stays unresolved after grading before an accountability referral."),
        new(AcceptanceRejectionsForInterview, PolicyValueKind.Count,
            "验收不通过（整改不到位）多少次后约谈。", "Acceptance rejections (rectification not up to standard) before an interview."),
        new(TargetBehindToleranceRatio, PolicyValueKind.Ratio,
            "季度考核时允许落后于应达进度的比例。", "Share by which a target may trail its expected-by-now progress at a quarterly check."),
        new(TargetMissedAgainAfterDays, PolicyValueKind.Days,
            "目标到期未完成被通报约谈后，再过多少天仍未完成即移交问责。", "Days after a missed deadline's circular and interview before a still-missed target is referred for accountability."),
        new(DepartmentInterviewsForReferral, PolicyValueKind.Count,
            "窗口期内同一部门被约谈多少次且仍有逾期即移交纪检监察。", "Interviews of one department within the window, while still overdue, before a referral to discipline inspection."),
        new(DepartmentInterviewWindowDays, PolicyValueKind.Days,
            "统计部门约谈次数的窗口天数。", "Days in the window over which a department's interviews are counted."),
        new(SelfReportedGuidanceIfRectifiedWithinDays, PolicyValueKind.Days,
            "自查自报隐患在上报后多少天内按期整改的，给予跟踪指导服务而非处罚。", "Days after reporting within which a self-reported hazard rectified on time earns follow-up guidance instead of a penalty."),
    ];

    public static PolicyKeyDefinition? Find(string path) => All.FirstOrDefault(k => k.Path == path);
}
