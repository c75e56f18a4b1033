using WorkflowHub.Campaign.Domain;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Engine.Persistence;
using WorkflowHub.Rules.Facts;
using RuleGrade = WorkflowHub.Rules.Facts.HazardGrade;
using RuleSource = WorkflowHub.Rules.Facts.HazardSource;

namespace WorkflowHub.Campaign.Decisions.Facts;

/// <summary>How campaign rows become the plain facts the rules match. Pure functions, no storage.</summary>
public static class FactMapping
{
    public static string SubjectId(Hazard hazard) => hazard.Id.ToString("D");

    public static HazardFact ToFact(Hazard hazard) => new()
    {
        Id = SubjectId(hazard),
        Number = hazard.Number,
        Grade = hazard.Grade switch
        {
            Hazards.HazardGrade.General => RuleGrade.General,
            Hazards.HazardGrade.Major => RuleGrade.Major,
            _ => RuleGrade.Ungraded,
        },
        AreaCode = hazard.AreaCode,
        ResponsibleUnitCode = hazard.ResponsibleUnitCode,
        DistrictCode = hazard.DistrictCode,
        Source = hazard.Source switch
        {
            Hazards.HazardSource.SelfInspection => RuleSource.SelfInspection,
            Hazards.HazardSource.PublicReport => RuleSource.PublicReport,
            _ => RuleSource.Inspection,
        },
        ReportedAt = hazard.ReportedAt,
        GradedAt = hazard.GradedAt,
        DueAt = hazard.DueAt,
        RectifiedAt = hazard.RectifiedAt,
        ClosedAt = hazard.ClosedAt,
        RejectionCount = hazard.RejectionCount,
        LinkedToAccident = hazard.LinkedToAccident,
    };

    public static DepartmentFact ToFact(OrgUnit unit) => new() { UnitCode = unit.Code, Name = unit.NameZh };

    /// <summary>
    /// A target with its latest report (none reported counts as no progress). The expectation runs from the campaign
    /// start to the end of the deadline's local day.
    /// </summary>
    public static TargetFact ToFact(Target target, TargetReport? latest, DateOnly campaignStart, TimeSpan utcOffset) => new()
    {
        Id = target.Code,
        Code = target.Code,
        Name = target.MeasureZh,
        AreaCode = target.AreaCode,
        LeadUnitCode = target.ResponsibleUnitCode,
        BaselineValue = 0m,
        TargetValue = target.Value,
        ReportedValue = latest?.Value ?? 0m,
        StartsAt = LocalMidnight(campaignStart, utcOffset),
        Deadline = LocalMidnight(target.Deadline.AddDays(1), utcOffset),
    };

    /// <summary>
    /// A user task of the engine, owned by the unit its candidate groups name ("unit-code" or "unit-code:Role");
    /// null when only a role is named (e.g. "role:CommitteeOffice"), since no unit holds it.
    /// </summary>
    public static UserTaskFact? ToFact(UserTaskRecord task, string? subjectId)
    {
        var unit = task.CandidateGroups
            .Where(g => !g.StartsWith("role:", StringComparison.Ordinal) && g.Length > 0)
            .Select(g => g.Split(':')[0])
            .FirstOrDefault();
        if (unit is null)
        {
            return null;
        }

        return new UserTaskFact
        {
            Id = task.Id.ToString("D"),
            Name = task.Name ?? task.ElementId,
            UnitCode = unit,
            SubjectId = subjectId,
            DueAt = task.DueDate,
            CompletedAt = task.CompletedAt,
        };
    }

    private static DateTimeOffset LocalMidnight(DateOnly date, TimeSpan utcOffset) =>
        new(date.ToDateTime(TimeOnly.MinValue), utcOffset);
}
