using System.Diagnostics;
using WorkflowHub.Benchmarks.Measurement;
using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Evaluation;
using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Policy;

namespace WorkflowHub.Benchmarks.Rules;

/// <summary>
/// The rule set's two workloads, timed with a stopwatch: the daily sweep (100,000 open hazards, 1,000 targets, 500 units
/// and the decisions earlier days took; goal under 2 s) and incremental evaluations of one changed hazard with its
/// department, its own earlier decisions and those addressed to its unit, as the rules README prescribes (goal p99 under 2 ms).
/// </summary>
public sealed class RuleSweepHarness(int sweepRuns, int incrementalRuns)
{
    public static readonly TimeSpan SweepGoal = TimeSpan.FromSeconds(2);

    public const double IncrementalP99GoalMilliseconds = 2;

    private readonly RuleSetEvaluator _evaluator = new();

    public static RuleSweepHarness Create(bool quick) => quick ? new(sweepRuns: 3, incrementalRuns: 10_000) : new(sweepRuns: 7, incrementalRuns: 10_000);

    public (Percentiles Sweep, Percentiles Incremental) Run()
    {
        Report.Heading("rules-sweep: daily sweep over 100,000 hazards + 1,000 targets; incremental evaluation of one hazard");
        var policy = RulePolicy.LoadDefault();
        var firstDay = RuleSweepData.Create(hazards: 100_000, targets: 1_000, units: 500, policy);

        var clock = Stopwatch.StartNew();
        var decidedOnFirstDay = _evaluator.Evaluate(firstDay, policy, EvaluationTrigger.DailySweep());
        Report.Line($"first day (cold: session factory compile + JIT): {clock.Elapsed.TotalMilliseconds:F0} ms, {decidedOnFirstDay.Count} decisions over {firstDay.Count} facts");

        // The steady state: the next day, with yesterday's decisions stored and passed back as facts.
        var sweep = new FactSet
        {
            Clock = ClockFact.At(RuleSweepData.Now.AddDays(1), policy),
            Hazards = firstDay.Hazards,
            Targets = firstDay.Targets,
            Departments = firstDay.Departments,
            Decisions = [.. firstDay.Decisions, .. decidedOnFirstDay.Select((d, i) => d.ToFact($"D{i}"))],
        };

        var sweepTimes = new List<TimeSpan>(sweepRuns);
        var sweepCpu = new List<TimeSpan>(sweepRuns);
        var decisions = 0;
        for (var run = 0; run < sweepRuns; run++)
        {
            var cpu = ProcessCpu.Used();
            clock.Restart();
            decisions = _evaluator.Evaluate(sweep, policy, EvaluationTrigger.DailySweep()).Count;
            sweepTimes.Add(clock.Elapsed);
            sweepCpu.Add(ProcessCpu.Used() - cpu);
        }

        var sweepStats = new Percentiles(sweepTimes);
        Report.Line($"steady-state sweep over {sweep.Count} facts ({sweep.Decisions.Count} earlier decisions) -> {decisions} decisions");
        Report.Line($"  {sweepRuns} runs: median {sweepStats.Median:F0} ms, min {sweepStats.Min:F0} ms, max {sweepStats.Max:F0} ms wall");
        var cpuStats = new Percentiles(sweepCpu);
        Report.Line($"  CPU time per sweep (all threads): median {cpuStats.Median:F0} ms, min {cpuStats.Min:F0} ms; on {Environment.ProcessorCount} idle cores that is at best {cpuStats.Min / Environment.ProcessorCount:F0} ms wall");

        TimeIncremental(IncrementalFactSets(sweep, withUnitDecisions: false), policy, "its own decisions only");
        var incrementalStats = TimeIncremental(IncrementalFactSets(sweep, withUnitDecisions: true), policy, "its own + its unit's decisions (README scope)");
        Report.Goal($"daily sweep under {SweepGoal.TotalSeconds:F0} s (median {sweepStats.Median:F0} ms)", sweepStats.Median < SweepGoal.TotalMilliseconds);
        Report.Goal($"incremental evaluation p99 under {IncrementalP99GoalMilliseconds:F0} ms (p99 {incrementalStats.At(99):F3} ms)", incrementalStats.At(99) < IncrementalP99GoalMilliseconds);
        return (sweepStats, incrementalStats);
    }

    private Percentiles TimeIncremental(FactSet[] incrementals, RulePolicy policy, string scope)
    {
        for (var i = 0; i < 500; i++)
        {
            Evaluate(incrementals[i % incrementals.Length], policy);
        }

        var latencies = new List<TimeSpan>(incrementalRuns);
        for (var i = 0; i < incrementalRuns; i++)
        {
            var started = Stopwatch.GetTimestamp();
            Evaluate(incrementals[i % incrementals.Length], policy);
            latencies.Add(Stopwatch.GetElapsedTime(started));
        }

        var stats = new Percentiles(latencies);
        Report.Line($"incremental, one hazard with {scope}: {incrementals.Average(f => f.Count):F0} facts on average over {incrementals.Length} hazards");
        Report.Line($"  {stats}");
        return stats;
    }

    private void Evaluate(FactSet facts, RulePolicy policy) =>
        _evaluator.Evaluate(facts, policy, EvaluationTrigger.HazardChanged(facts.Hazards[0].Id));

    private static FactSet[] IncrementalFactSets(FactSet sweep, bool withUnitDecisions)
    {
        var bySubject = sweep.Decisions.ToLookup(d => d.SubjectId);
        var byAddressee = sweep.Decisions.ToLookup(d => d.AddresseeUnitCode);
        var departments = sweep.Departments.ToDictionary(d => d.UnitCode);
        return sweep.Hazards.Take(2_000).Select(h => new FactSet
        {
            Clock = sweep.Clock,
            Hazards = [h],
            Departments = [departments[h.ResponsibleUnitCode]],
            Decisions = withUnitDecisions
                ? bySubject[h.Id].Concat(byAddressee[h.ResponsibleUnitCode]).DistinctBy(d => d.Id).ToList()
                : bySubject[h.Id].ToList(),
        }).ToArray();
    }
}
