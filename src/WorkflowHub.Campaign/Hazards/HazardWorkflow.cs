namespace WorkflowHub.Campaign.Hazards;

/// <summary>The names <c>workflows/hazard-rectification.bpmn</c> uses: its key, element ids and variables.</summary>
public static class HazardWorkflow
{
    public const string ProcessKey = "hazard-rectification";
    public const string StateTopic = "hazard-state";

    /// <summary>
    /// Who supervises and closes a major hazard (挂牌督办, 销号). The plan makes the committee office the supervising
    /// authority for the whole city, so major hazards of every area go to it rather than to the area's lead department.
    /// </summary>
    public const string SupervisorGroup = Plan.PlanOrgCodes.SafetyOffice;

    public static class Elements
    {
        public const string GradeHazard = "Task_GradeHazard";
        public const string ListSupervision = "Task_ListSupervision";
        public const string SubmitPlan = "Task_SubmitPlan";
        public const string Rectify = "Task_Rectify";
        public const string AcceptGeneral = "Task_AcceptGeneral";
        public const string AcceptMajor = "Task_AcceptMajor";
        public const string CloseHazard = "Task_CloseHazard";
    }

    public static class Variables
    {
        public const string HazardId = "hazardId";
        public const string HazardNumber = "hazardNumber";
        public const string Title = "title";
        public const string AreaCode = "areaCode";
        public const string DistrictCode = "districtCode";
        public const string ResponsibleUnit = "responsibleUnit";
        public const string ResponsibleGroup = "responsibleGroup";
        public const string ResponsibleHeadGroup = "responsibleHeadGroup";
        public const string DistrictGroup = "districtGroup";
        public const string EnterpriseGroup = "enterpriseGroup";
        public const string SupervisorGroup = "supervisorGroup";
        public const string Source = "source";
        public const string DueGrading = "dueGrading";
        public const string DuePlan = "duePlan";
        public const string DueRectification = "dueRectification";
        public const string DueAcceptance = "dueAcceptance";
        public const string ReminderCycle = "reminderCycle";
        public const string RejectionCount = "rejectionCount";
        public const string Grade = "grade";
        public const string Accepted = "accepted";
    }

    /// <summary>The <c>source</c> variable's words.</summary>
    public static string SourceWord(HazardSource source) => source switch
    {
        HazardSource.SelfInspection => "selfInspection",
        HazardSource.Inspection => "inspection",
        HazardSource.PublicReport => "publicReport",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    /// <summary>The variables a hazard's loop starts with (see the BPMN's candidate groups and due dates).</summary>
    public static Dictionary<string, object?> StartVariables(Hazard hazard, HazardDeadlines deadlines)
    {
        var responsible = hazard.ResponsibleUnitCode;
        var due = deadlines.AtReport(hazard.ReportedAt);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [Variables.HazardId] = hazard.Id.ToString(),
            [Variables.HazardNumber] = hazard.Number,
            [Variables.Title] = hazard.Title,
            [Variables.AreaCode] = hazard.AreaCode,
            [Variables.DistrictCode] = hazard.DistrictCode,
            [Variables.ResponsibleUnit] = responsible,
            [Variables.ResponsibleGroup] = responsible,
            [Variables.ResponsibleHeadGroup] = $"{responsible}:{Accounts.Roles.DepartmentHead}",
            [Variables.DistrictGroup] = hazard.DistrictCode,
            [Variables.EnterpriseGroup] = hazard.EnterpriseUnitCode ?? responsible,
            [Variables.SupervisorGroup] = SupervisorGroup,
            [Variables.Source] = SourceWord(hazard.Source),
            [Variables.DueGrading] = Iso(due.Grading),
            [Variables.DuePlan] = Iso(due.Plan),
            [Variables.DueRectification] = Iso(due.Rectification),
            [Variables.DueAcceptance] = Iso(due.Acceptance),
            [Variables.ReminderCycle] = deadlines.ReminderCycle,
            [Variables.RejectionCount] = 0,
        };
    }

    public static string Iso(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The state the hazard is in while <paramref name="elementId"/> is the open user task.</summary>
    public static HazardState? StateAt(string elementId) => elementId switch
    {
        Elements.GradeHazard => HazardState.Grading,
        Elements.SubmitPlan => HazardState.Planning,
        Elements.Rectify => HazardState.Rectifying,
        Elements.AcceptGeneral or Elements.AcceptMajor => HazardState.AwaitingAcceptance,
        _ => null,
    };

    public static HazardGrade ParseGrade(object? value) => value?.ToString() switch
    {
        "major" => HazardGrade.Major,
        "general" => HazardGrade.General,
        _ => HazardGrade.Ungraded,
    };

    public static string GradeWord(HazardGrade grade) => grade == HazardGrade.Major ? "major" : "general";
}
