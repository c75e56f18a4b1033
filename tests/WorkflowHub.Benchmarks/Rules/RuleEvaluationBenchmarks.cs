using BenchmarkDotNet.Attributes;
using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Evaluation;
using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Policy;

namespace WorkflowHub.Benchmarks.Rules;

/// <summary>
/// The rule set's two workloads: the daily sweep over 100,000 open hazards and 1,000 targets (the
/// steady state, where yesterday's decisions are already stored facts), and one incremental
/// evaluation when a hazard changes. Targets: sweep within 2 s, incremental within 2 ms at p99.
/// </summary>
[MemoryDiagnoser]
public class RuleEvaluationBenchmarks
{
    private readonly RuleSetEvaluator evaluator = new();
    private RulePolicy policy = null!;
    private FactSet sweep = null!;
    private FactSet[] incrementals = [];
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        policy = RulePolicy.LoadDefault();
        var firstDay = RuleSweepData.Create(hazards: 100_000, targets: 1_000, units: 500, policy);
        var decided = evaluator.Evaluate(firstDay, policy, EvaluationTrigger.DailySweep());
        sweep = new FactSet
        {
            Clock = ClockFact.At(RuleSweepData.Now.AddDays(1), policy),
            Hazards = firstDay.Hazards,
            Targets = firstDay.Targets,
            Departments = firstDay.Departments,
            Decisions = [.. firstDay.Decisions, .. decided.Select((d, i) => d.ToFact($"B{i}"))],
        };

        var bySubject = sweep.Decisions.ToLookup(d => d.SubjectId);
        var departments = sweep.Departments.ToDictionary(d => d.UnitCode);
        incrementals = sweep.Hazards.Take(1_000).Select(h => new FactSet
        {
            Clock = sweep.Clock,
            Hazards = [h],
            Departments = [departments[h.ResponsibleUnitCode]],
            Decisions = bySubject[h.Id].ToList(),
        }).ToArray();
    }

    [Benchmark]
    public int DailySweep() => evaluator.Evaluate(sweep, policy, EvaluationTrigger.DailySweep()).Count;

    [Benchmark]
    public int IncrementalEvaluation()
    {
        var facts = incrementals[next++ % incrementals.Length];
        return evaluator.Evaluate(facts, policy, EvaluationTrigger.HazardChanged(facts.Hazards[0].Id)).Count;
    }
}
