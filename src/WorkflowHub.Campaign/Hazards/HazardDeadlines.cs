using Microsoft.Extensions.Options;

namespace WorkflowHub.Campaign.Hazards;

/// <summary>The due dates of a hazard's steps under <see cref="HazardDeadlinesOptions"/>.</summary>
public sealed class HazardDeadlines(IOptions<HazardDeadlinesOptions> options)
{
    public sealed record Dates(DateTimeOffset Grading, DateTimeOffset Plan, DateTimeOffset Rectification, DateTimeOffset Acceptance);

    private HazardDeadlinesOptions Policy => options.Value;

    public string ReminderCycle => Policy.ReminderCycle;

    /// <summary>At the report the grade is unknown, so rectification is provisionally due as for a general hazard.</summary>
    public Dates AtReport(DateTimeOffset reportedAt)
    {
        var grading = reportedAt.AddDays(Policy.GradingDays);
        return AfterGrading(grading, HazardGrade.General) with { Grading = grading };
    }

    /// <summary>Once graded, plan and rectification run from the grading time; a major hazard gets the longer period.</summary>
    public Dates AfterGrading(DateTimeOffset gradedAt, HazardGrade grade)
    {
        var plan = gradedAt.AddDays(Policy.PlanDays);
        var rectification = gradedAt.AddDays(grade == HazardGrade.Major ? Policy.RectificationDaysMajor : Policy.RectificationDaysGeneral);
        return new Dates(gradedAt, plan, rectification, rectification.AddDays(Policy.AcceptanceDays));
    }
}
