using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Evaluation;
using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Policy;
using WorkflowHub.Rules.Rules;
using WorkflowHub.Rules.Tests.Support;

namespace WorkflowHub.Rules.Tests.Evaluation;

public sealed class RuleSetEvaluatorTests
{
    private static readonly RulePolicy Policy = RulePolicy.LoadDefault();
    private static readonly DateTimeOffset Now = Build.Start.AddDays(20);

    private readonly RuleSetEvaluator evaluator = new();

    /// <summary>A city-sized fact set: thousands of hazards over many units, some overdue at each rung.</summary>
    private static FactSet LargeSet(int hazards, int units)
    {
        var random = new Random(42);
        var hazardFacts = new List<HazardFact>(hazards);
        var decisions = new List<DecisionFact>();
        for (var i = 0; i < hazards; i++)
        {
            var unit = $"U{i % units:000}";
            var id = $"H{i:000000}";
            hazardFacts.Add(Build.Hazard(id: id, unit: unit, due: Now.AddDays(-random.Next(-30, 30)),
                grade: random.NextDouble() < 0.1 ? HazardGrade.Major : HazardGrade.General, rejections: random.Next(0, 3)));
            if (random.NextDouble() < 0.3)
            {
                decisions.Add(Build.Decision(DecisionKind.Reminder, id, RuleNames.GeneralHazardReminder, Now.AddDays(-5), unit: unit));
            }
        }

        return new FactSet
        {
            Clock = ClockFact.At(Now, Policy),
            Hazards = hazardFacts,
            Departments = Enumerable.Range(0, units).Select(u => Build.Department($"U{u:000}")).ToList(),
            Decisions = decisions,
        };
    }

    [Fact]
    public void The_sweep_decides_exactly_what_evaluating_each_hazard_alone_decides()
    {
        var facts = LargeSet(hazards: 6_000, units: 40);

        var sweep = evaluator.Evaluate(facts, Policy, EvaluationTrigger.DailySweep()).Select(d => d.Key.ToString()).ToList();
        var byHazard = facts.Hazards
            .SelectMany(h => evaluator.Evaluate(
                new FactSet
                {
                    Clock = facts.Clock,
                    Hazards = [h],
                    Decisions = facts.Decisions.Where(d => d.SubjectId == h.Id).ToList(),
                },
                Policy,
                EvaluationTrigger.HazardChanged(h.Id)))
            .Select(d => d.Key.ToString())
            .ToList();

        Assert.True(sweep.Count > 1_000, $"only {sweep.Count} decisions");
        Assert.Equal(byHazard.Order(StringComparer.Ordinal), sweep.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Results_come_in_a_stable_order_whatever_the_input_order()
    {
        var facts = LargeSet(hazards: 6_000, units: 40);
        var shuffled = new FactSet
        {
            Clock = facts.Clock,
            Hazards = facts.Hazards.Reverse().ToList(),
            Departments = facts.Departments.Reverse().ToList(),
            Decisions = facts.Decisions.Reverse().ToList(),
        };

        var first = evaluator.Evaluate(facts, Policy, EvaluationTrigger.DailySweep()).Select(d => d.Key.ToString());
        var second = evaluator.Evaluate(shuffled, Policy, EvaluationTrigger.DailySweep()).Select(d => d.Key.ToString());

        Assert.Equal(first, second);
    }

    [Fact]
    public void Concurrent_evaluations_share_one_compiled_rule_set_safely()
    {
        var facts = LargeSet(hazards: 500, units: 5);
        var expected = evaluator.Evaluate(facts, Policy, EvaluationTrigger.DailySweep()).Select(d => d.Key.ToString()).ToList();

        var results = new List<string>[8];
        Parallel.For(0, results.Length, i =>
            results[i] = new RuleSetEvaluator().Evaluate(facts, Policy, EvaluationTrigger.DailySweep()).Select(d => d.Key.ToString()).ToList());

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void A_decision_carries_its_rule_versions_trigger_and_the_evaluation_time()
    {
        var facts = new FactSet
        {
            Clock = ClockFact.At(Now, Policy),
            Hazards = [Build.Hazard(id: "H9", due: Now.AddDays(-2), unit: "U5")],
            Departments = [Build.Department("U5")],
        };

        var decision = Assert.Single(evaluator.Evaluate(facts, Policy, EvaluationTrigger.HazardChanged("H9")));

        Assert.Equal(RuleSetVersion.Current, decision.RuleSetVersion);
        Assert.Equal(Policy.Version, decision.PolicyVersion);
        Assert.Equal(EvaluationTrigger.HazardChanged("H9"), decision.Trigger);
        Assert.Equal(Now, decision.DecidedAt);
        Assert.Equal(["clock", "hazard"], decision.Snapshot.Matched.Select(m => m.Declaration).Order(StringComparer.Ordinal));
        Assert.Equal("H9", decision.Snapshot.Matched.Single(m => m.Declaration == "hazard").Value.GetProperty("id").GetString());
        Assert.Equal("U5", Assert.Single(decision.Snapshot.Inputs.Departments).UnitCode);

        var fact = decision.ToFact("D1");
        Assert.Equal((decision.Kind, decision.SubjectId, decision.RuleName, decision.DecidedAt), (fact.Kind, fact.SubjectId, fact.RuleName, fact.DecidedAt));
    }

    [Fact]
    public void The_same_subject_twice_is_refused_rather_than_decided_twice()
    {
        var facts = new FactSet
        {
            Clock = ClockFact.At(Now, Policy),
            Hazards = [Build.Hazard(id: "H1", unit: "U1"), Build.Hazard(id: "H1", unit: "U2")],
        };

        var exception = Assert.Throws<ArgumentException>(() => evaluator.Evaluate(facts, Policy, EvaluationTrigger.DailySweep()));
        Assert.Contains("Hazard H1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_fact_set_decides_nothing()
    {
        Assert.Empty(evaluator.Evaluate(new FactSet { Clock = ClockFact.At(Now, Policy) }, Policy, EvaluationTrigger.DailySweep()));
    }
}
