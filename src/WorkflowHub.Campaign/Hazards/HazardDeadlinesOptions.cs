namespace WorkflowHub.Campaign.Hazards;

/// <summary>
/// Configuration section <c>Hazards:Deadlines</c>: how long each step of the loop may take. Grading and plan run from
/// the report; rectification runs from grading and depends on the grade; acceptance runs from the rectification deadline.
/// </summary>
public sealed class HazardDeadlinesOptions
{
    public const string SectionName = "Hazards:Deadlines";

    public int GradingDays { get; set; } = 3;
    public int PlanDays { get; set; } = 7;
    public int RectificationDaysGeneral { get; set; } = 30;
    public int RectificationDaysMajor { get; set; } = 90;
    public int AcceptanceDays { get; set; } = 7;

    /// <summary>ISO-8601 repeating interval of the reminder timers on each open task.</summary>
    public string ReminderCycle { get; set; } = "R/P1D";
}
