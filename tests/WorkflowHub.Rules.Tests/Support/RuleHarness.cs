using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Evaluation;
using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Policy;

namespace WorkflowHub.Rules.Tests.Support;

/// <summary>
/// Plays the application's part: holds the subjects and the decisions stored so far, evaluates at a
/// moved clock, and stores what the rules decide as facts for the next evaluation.
/// </summary>
internal sealed class RuleHarness
{
    private static readonly RuleSetEvaluator Evaluator = new();
    private int nextDecisionId;

    public RuleHarness(RulePolicy? policy = null)
    {
        Policy = policy ?? RulePolicy.LoadDefault();
    }

    public RulePolicy Policy { get; }

    public ManualTimeProvider Time { get; } = new(Build.Start);

    public List<HazardFact> Hazards { get; } = [];

    public List<TargetFact> Targets { get; } = [];

    public List<UserTaskFact> Tasks { get; } = [];

    public List<DepartmentFact> Departments { get; } = [];

    public List<DecisionFact> Decisions { get; } = [];

    public List<DecisionProposal> Stored { get; } = [];

    public FactSet Facts() => new()
    {
        Clock = ClockFact.At(Time, Policy),
        Hazards = [.. Hazards],
        Targets = [.. Targets],
        Tasks = [.. Tasks],
        Departments = [.. Departments],
        Decisions = [.. Decisions],
    };

    /// <summary>Evaluates at <paramref name="at"/> without storing anything.</summary>
    public IReadOnlyList<DecisionProposal> EvaluateAt(DateTimeOffset at)
    {
        Time.SetUtcNow(at);
        return Evaluator.Evaluate(Facts(), Policy, EvaluationTrigger.DailySweep());
    }

    /// <summary>Evaluates at <paramref name="at"/> and stores every decision as a fact, as the application does.</summary>
    public IReadOnlyList<DecisionProposal> DecideAt(DateTimeOffset at)
    {
        var decisions = EvaluateAt(at);
        foreach (var decision in decisions)
        {
            Stored.Add(decision);
            Decisions.Add(decision.ToFact($"D{++nextDecisionId}"));
        }

        return decisions;
    }
}
