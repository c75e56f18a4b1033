using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Facts;

namespace WorkflowHub.Rules.Tests.Support;

/// <summary>Fact builders with sensible defaults, so each test states only what it is about.</summary>
internal static class Build
{
    /// <summary>2021-03-10 09:00 Beijing time: not a quarterly check day.</summary>
    public static readonly DateTimeOffset Start = new(2021, 3, 10, 1, 0, 0, TimeSpan.Zero);

    public static HazardFact Hazard(
        string id = "H1",
        HazardGrade grade = HazardGrade.General,
        DateTimeOffset? due = null,
        string unit = "U1",
        HazardSource source = HazardSource.Inspection,
        DateTimeOffset? reported = null,
        DateTimeOffset? graded = null,
        DateTimeOffset? rectified = null,
        DateTimeOffset? closed = null,
        int rejections = 0,
        bool accident = false) => new()
        {
            Id = id,
            Number = $"YH-{id}",
            Grade = grade,
            AreaCode = "A01",
            ResponsibleUnitCode = unit,
            DistrictCode = "D01",
            Source = source,
            ReportedAt = reported ?? Start.AddDays(-30),
            GradedAt = graded ?? (grade == HazardGrade.Ungraded ? null : Start.AddDays(-29)),
            DueAt = due ?? Start,
            RectifiedAt = rectified,
            ClosedAt = closed,
            RejectionCount = rejections,
            LinkedToAccident = accident,
        };

    public static TargetFact Target(
        string id = "T1",
        decimal target = 100m,
        decimal reported = 0m,
        DateTimeOffset? starts = null,
        DateTimeOffset? deadline = null,
        string unit = "U1",
        decimal baseline = 0m) => new()
        {
            Id = id,
            Code = $"MB-{id}",
            AreaCode = "A01",
            LeadUnitCode = unit,
            BaselineValue = baseline,
            TargetValue = target,
            ReportedValue = reported,
            StartsAt = starts ?? new DateTimeOffset(2020, 6, 30, 16, 0, 0, TimeSpan.Zero),
            Deadline = deadline ?? new DateTimeOffset(2022, 12, 31, 16, 0, 0, TimeSpan.Zero),
        };

    public static UserTaskFact Task(string id = "K1", DateTimeOffset? due = null, string unit = "U1", DateTimeOffset? completed = null) => new()
    {
        Id = id,
        Name = "提交整改方案",
        UnitCode = unit,
        DueAt = due ?? Start,
        CompletedAt = completed,
    };

    public static DepartmentFact Department(string unit = "U1") => new() { UnitCode = unit, Name = $"单位{unit}", HeadName = "张三" };

    public static DecisionFact Decision(
        DecisionKind kind,
        string subjectId,
        string rule,
        DateTimeOffset at,
        SubjectType subjectType = SubjectType.Hazard,
        string unit = "U1") => new()
        {
            Id = Guid.NewGuid().ToString("N"),
            Kind = kind,
            SubjectType = subjectType,
            SubjectId = subjectId,
            AddresseeUnitCode = unit,
            RuleName = rule,
            DecidedAt = at,
        };
}
