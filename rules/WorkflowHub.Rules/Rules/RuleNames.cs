namespace WorkflowHub.Rules.Rules;

/// <summary>
/// The stable names of the rules. Stored with every decision and used by rules to recognise their
/// own earlier decisions: never rename one, add a new rule instead.
/// </summary>
public static class RuleNames
{
    public const string GeneralHazardReminder = "GeneralHazard.Reminder";
    public const string GeneralHazardSupervision = "GeneralHazard.SupervisionNotice";
    public const string GeneralHazardInterviewAndCircular = "GeneralHazard.InterviewAndCircular";
    public const string MajorHazardListedSupervision = "MajorHazard.ListedSupervision";
    public const string MajorHazardOverdueInterview = "MajorHazard.OverdueInterview";
    public const string MajorHazardUnresolvedAccountability = "MajorHazard.UnresolvedAccountability";
    public const string AcceptanceRepeatedRejectionInterview = "Acceptance.RepeatedRejectionInterview";
    public const string TargetBehindWarning = "Target.BehindAtQuarterlyCheckWarning";
    public const string TargetMissedAtDeadline = "Target.MissedAtDeadlineCircularAndInterview";
    public const string TargetMissedAgainAccountability = "Target.MissedAgainAccountability";
    public const string DepartmentRepeatedInterviewReferral = "Department.RepeatedInterviewDisciplineReferral";
    public const string AccidentJudicialReferral = "Accident.JudicialReferral";
    public const string SelfReportedFollowUpGuidance = "SelfReported.FollowUpGuidance";
    public const string TaskOverdueReminder = "Task.OverdueReminder";
}
