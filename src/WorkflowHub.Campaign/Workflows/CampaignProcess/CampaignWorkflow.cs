namespace WorkflowHub.Campaign.Workflows.CampaignProcess;

/// <summary>The names <c>workflows/campaign.bpmn</c> uses: its key, the elements that fan out, and its variables.</summary>
public static class CampaignWorkflow
{
    public const string ProcessKey = "campaign";

    /// <summary>The engine user the start-up step starts the process as.</summary>
    public const string StartedBy = "system";

    /// <summary>The plan code when the plan names none.</summary>
    public const string DefaultPlanCode = "campaign";

    public static class Elements
    {
        public const string MobilisationMeeting = "Task_MobilisationMeeting";
        public const string PlanFiling = "Call_PlanFiling";
        public const string CompileTwoLists = "Task_CompileTwoLists";
        public const string FinalReport = "Task_FinalReport";
        public const string ReportToProvince = "Task_ReportToProvince";

        /// <summary>The annual summary of <paramref name="year"/> (2020 in phase 2, 2021 in phase 3, 2022 in phase 4).</summary>
        public static string AnnualSummary(int year) => $"Task_AnnualSummary{year}";
    }

    public static class Variables
    {
        public const string PlanCode = "planCode";
        public const string TimeScale = "timeScale";
        public const string CalendarAnchor = "calendarAnchor";
        public const string ReminderCycle = "reminderCycle";
        public const string FilingDeadline = "filingDeadline";
        public const string Filings = "filings";
        public const string AreaUnits = "areaUnits";
        public const string DueTwoLists = "dueTwoLists";
        public const string SummaryUnits = "summaryUnits";
        public const string CampaignEnd = "campaignEnd";
        public const string FinalReportDue = "finalReportDue";

        /// <summary>The start of phase <paramref name="order"/> (2 to 4), when its timer fires.</summary>
        public static string PhaseStart(int order) => $"phase{order}Start";

        /// <summary>The quarterly report rounds of phase <paramref name="order"/> (2 to 4): <c>[{due, targets}]</c>.</summary>
        public static string PhaseQuarters(int order) => $"phase{order}Quarters";
    }
}
