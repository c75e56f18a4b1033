using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Policy;
using WorkflowHub.Rules.Rules;

namespace WorkflowHub.Benchmarks.Rules;

/// <summary>
/// A city's worth of open work for the rule benchmarks: hazards spread over units, due dates either
/// side of today, the decisions earlier days already took, and targets on a quarterly check day.
/// </summary>
internal static class RuleSweepData
{
    /// <summary>2021-04-01 10:00 Beijing time: a quarterly check day, so the target rules run too.</summary>
    public static readonly DateTimeOffset Now = new(2021, 4, 1, 10, 0, 0, TimeSpan.FromHours(8));

    public static FactSet Create(int hazards, int targets, int units, RulePolicy policy, int seed = 7)
    {
        var random = new Random(seed);
        var hazardFacts = new List<HazardFact>(hazards);
        var decisions = new List<DecisionFact>();
        for (var i = 0; i < hazards; i++)
        {
            var unit = $"U{random.Next(units):000}";
            var id = $"H{i:000000}";
            var due = Now.AddDays(random.Next(-60, 120));
            var grade = random.NextDouble() < 0.08 ? HazardGrade.Major : HazardGrade.General;
            hazardFacts.Add(new HazardFact
            {
                Id = id,
                Number = "YH-" + id,
                Grade = grade,
                AreaCode = "A01",
                ResponsibleUnitCode = unit,
                Source = random.NextDouble() < 0.3 ? HazardSource.SelfInspection : HazardSource.Inspection,
                ReportedAt = due.AddDays(-30),
                GradedAt = due.AddDays(-28),
                DueAt = due,
                RejectionCount = random.Next(0, 3),
            });
            var overdueDays = (Now - due).TotalDays;
            if (overdueDays > 1)
            {
                decisions.Add(Decision(DecisionKind.Reminder, id, RuleNames.GeneralHazardReminder, unit, Now.AddDays(-1)));
            }

            if (overdueDays > 7)
            {
                decisions.Add(Decision(DecisionKind.SupervisionNotice, id, RuleNames.GeneralHazardSupervision, unit, Now.AddDays(-1)));
            }

            if (grade == HazardGrade.Major)
            {
                decisions.Add(Decision(DecisionKind.ListedSupervision, id, RuleNames.MajorHazardListedSupervision, unit, due.AddDays(-27)));
            }
        }

        return new FactSet
        {
            Clock = ClockFact.At(Now, policy),
            Hazards = hazardFacts,
            Targets = Enumerable.Range(0, targets).Select(i => new TargetFact
            {
                Id = $"T{i}",
                Code = $"MB-{i}",
                AreaCode = "A01",
                LeadUnitCode = $"U{random.Next(units):000}",
                TargetValue = 100,
                ReportedValue = random.Next(0, 101),
                StartsAt = new DateTimeOffset(2020, 7, 1, 0, 0, 0, TimeSpan.FromHours(8)),
                Deadline = Now.AddDays(random.Next(-100, 600)),
            }).ToList(),
            Departments = Enumerable.Range(0, units).Select(u => new DepartmentFact { UnitCode = $"U{u:000}" }).ToList(),
            Decisions = decisions,
        };
    }

    private static DecisionFact Decision(DecisionKind kind, string id, string rule, string unit, DateTimeOffset at) => new()
    {
        Id = $"{rule}:{id}",
        Kind = kind,
        SubjectType = SubjectType.Hazard,
        SubjectId = id,
        AddresseeUnitCode = unit,
        RuleName = rule,
        DecidedAt = at,
    };
}
