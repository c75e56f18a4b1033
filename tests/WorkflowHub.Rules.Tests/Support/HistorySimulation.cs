using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Evaluation;
using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Policy;

namespace WorkflowHub.Rules.Tests.Support;

/// <summary>
/// A generated campaign history: hazards reported, graded, rectified, rejected, closed and linked to
/// accidents over many days, with targets and tasks; evaluated incrementally when a hazard changes
/// and in a daily sweep, each decision stored and fed back as a fact, as the application will.
/// </summary>
internal sealed class HistorySimulation
{
    private static readonly DateTimeOffset Day0 = new(2021, 2, 15, 0, 0, 0, TimeSpan.FromHours(8));
    private readonly RuleSetEvaluator evaluator = new();
    private readonly List<HazardPlan> hazards;
    private readonly List<TargetFact> targets;
    private readonly List<UserTaskFact> tasks;
    private readonly List<DepartmentFact> departments;
    private readonly List<DecisionFact> decisionFacts = [];
    private int nextId;

    public HistorySimulation(int hazardCount, int units, int seed, RulePolicy policy)
    {
        Policy = policy;
        var random = new Random(seed);
        departments = Enumerable.Range(1, units).Select(u => Build.Department($"U{u:00}")).ToList();
        hazards = Enumerable.Range(1, hazardCount).Select(i => HazardPlan.Random(i, $"U{random.Next(1, units + 1):00}", random)).ToList();
        targets = Enumerable.Range(1, 12).Select(i => new TargetFact
        {
            Id = $"T{i}",
            Code = $"MB-{i}",
            AreaCode = "A01",
            LeadUnitCode = $"U{random.Next(1, units + 1):00}",
            TargetValue = 100m,
            ReportedValue = random.Next(10, 101),
            StartsAt = Day0.AddDays(-200),
            // Half fall due early enough to be missed and missed again; half are still running at the 1 April check.
            Deadline = Day0.AddDays(i <= 6 ? random.Next(5, 30) : random.Next(60, 200)),
        }).ToList();
        tasks = Enumerable.Range(1, 30).Select(i => Build.Task($"K{i}", Day0.AddDays(random.Next(0, 100)), $"U{random.Next(1, units + 1):00}",
            random.NextDouble() < 0.5 ? Day0.AddDays(random.Next(0, 110)) : null)).ToList();
    }

    public RulePolicy Policy { get; }

    public List<DecisionProposal> Stored { get; } = [];

    public void Run(int days)
    {
        for (var day = 0; day < days; day++)
        {
            var morning = Day0.AddDays(day).AddHours(10);
            foreach (var plan in hazards.Where(h => h.ChangesOn(day)))
            {
                var hazard = plan.At(morning);
                Store(evaluator.Evaluate(IncrementalFacts(hazard, morning), Policy, EvaluationTrigger.HazardChanged(hazard.Id)));
            }

            var night = Day0.AddDays(day).AddHours(23);
            Store(evaluator.Evaluate(SweepFacts(night), Policy, EvaluationTrigger.DailySweep()));
        }
    }

    private FactSet IncrementalFacts(HazardFact hazard, DateTimeOffset now) => new()
    {
        Clock = ClockFact.At(now, Policy),
        Hazards = [hazard],
        Departments = departments.Where(d => d.UnitCode == hazard.ResponsibleUnitCode).ToList(),
        Decisions = decisionFacts
            .Where(d => d.IsAbout(SubjectType.Hazard, hazard.Id) || d.AddresseeUnitCode == hazard.ResponsibleUnitCode)
            .ToList(),
    };

    private FactSet SweepFacts(DateTimeOffset now) => new()
    {
        Clock = ClockFact.At(now, Policy),
        Hazards = hazards.Where(h => h.IsReportedBy(now)).Select(h => h.At(now)).Where(h => h.IsOpen || h.ClosedAt > now.AddDays(-1)).ToList(),
        Targets = targets,
        Tasks = tasks.Where(t => t.IsOpen || t.CompletedAt > now).ToList(),
        Departments = departments,
        Decisions = [.. decisionFacts],
    };

    private void Store(IReadOnlyList<DecisionProposal> decisions)
    {
        foreach (var decision in decisions)
        {
            Stored.Add(decision);
            decisionFacts.Add(decision.ToFact($"D{++nextId}"));
        }
    }

    /// <summary>One hazard's life, fixed up front: each day's fact is derived from it.</summary>
    private sealed record HazardPlan(
        string Id,
        string Unit,
        int ReportDay,
        int DueDay,
        HazardGrade Grade,
        HazardSource Source,
        int? FirstSubmissionDay,
        int Rejections,
        int? AccidentDay)
    {
        public static HazardPlan Random(int index, string unit, Random random)
        {
            var reportDay = random.Next(0, 60);
            var roll = random.NextDouble();
            var grade = roll < 0.15 ? HazardGrade.Major : roll < 0.95 ? HazardGrade.General : HazardGrade.Ungraded;
            var source = random.NextDouble() < 0.3 ? HazardSource.SelfInspection : HazardSource.Inspection;
            int? submission = random.NextDouble() < 0.6 ? reportDay + random.Next(2, 45) : null;
            var rejections = submission is not null && random.NextDouble() < 0.35 ? random.Next(1, 4) : 0;
            int? accident = random.NextDouble() < 0.03 ? reportDay + random.Next(1, 50) : null;
            return new HazardPlan($"H{index:000}", unit, reportDay, reportDay + random.Next(3, 30), grade, source, submission, rejections, accident);
        }

        public bool IsReportedBy(DateTimeOffset now) => Day0.AddDays(ReportDay) <= now;

        public bool ChangesOn(int day) =>
            day == ReportDay || day == ReportDay + 2 || day == AccidentDay
            || (FirstSubmissionDay is { } first && day >= first && (day - first) % 6 is 0 or 4 && day <= first + (6 * Rejections) + 4);

        public HazardFact At(DateTimeOffset now)
        {
            var rejected = 0;
            DateTimeOffset? rectified = null;
            DateTimeOffset? closed = null;
            if (FirstSubmissionDay is { } first)
            {
                for (var k = 0; k <= Rejections; k++)
                {
                    var submitted = Day0.AddDays(first + (6 * k));
                    var verdict = submitted.AddDays(4);
                    if (submitted > now)
                    {
                        break;
                    }

                    rectified = submitted;
                    if (verdict > now)
                    {
                        break;
                    }

                    if (k < Rejections)
                    {
                        rejected++;
                        rectified = null;
                    }
                    else
                    {
                        closed = verdict;
                    }
                }
            }

            return new HazardFact
            {
                Id = Id,
                Number = $"YH-{Id}",
                Grade = Day0.AddDays(ReportDay + 2) <= now ? Grade : HazardGrade.Ungraded,
                AreaCode = "A01",
                ResponsibleUnitCode = Unit,
                Source = Source,
                ReportedAt = Day0.AddDays(ReportDay),
                GradedAt = Grade != HazardGrade.Ungraded && Day0.AddDays(ReportDay + 2) <= now ? Day0.AddDays(ReportDay + 2) : null,
                DueAt = Day0.AddDays(DueDay),
                RectifiedAt = rectified,
                ClosedAt = closed,
                RejectionCount = rejected,
                LinkedToAccident = AccidentDay is { } accident && Day0.AddDays(accident) <= now,
            };
        }
    }
}
