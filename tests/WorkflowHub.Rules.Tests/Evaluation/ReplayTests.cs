using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Evaluation;
using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Policy;
using WorkflowHub.Rules.Rules;
using WorkflowHub.Rules.Tests.Support;

namespace WorkflowHub.Rules.Tests.Evaluation;

public sealed class ReplayTests
{
    private static readonly Lazy<HistorySimulation> History = new(() =>
    {
        // 120 days cannot reach the shipped 180-day accountability threshold: shorten it so every ladder reaches its top.
        var policy = Policies.With((PolicyKeys.MajorUnresolvedDaysForAccountability, 60m));
        var simulation = new HistorySimulation(hazardCount: 200, units: 8, seed: 20200601, policy);
        simulation.Run(days: 120);
        return simulation;
    });

    private readonly RuleSetEvaluator evaluator = new();

    [Fact]
    public void The_generated_history_exercises_every_ladder()
    {
        var stored = History.Value.Stored;

        Assert.True(stored.Count > 300, $"only {stored.Count} decisions");
        var rules = stored.Select(d => d.RuleName).Distinct().ToList();
        Assert.True(rules.Count == 14, "rules fired: " + string.Join(", ", rules));
        Assert.Contains(stored, d => d.Trigger.Kind == TriggerKind.HazardChanged);
        Assert.Contains(stored, d => d.Trigger.Kind == TriggerKind.DailySweep);
    }

    [Fact]
    public void No_rung_is_ever_decided_twice_for_the_same_subject()
    {
        var repeats = History.Value.Stored
            .GroupBy(d => d.Key)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key.ToString())
            .ToList();

        Assert.Empty(repeats);
    }

    [Theory]
    [InlineData(RuleNames.GeneralHazardSupervision, DecisionKind.Reminder)]
    [InlineData(RuleNames.GeneralHazardInterviewAndCircular, DecisionKind.SupervisionNotice)]
    [InlineData(RuleNames.MajorHazardOverdueInterview, DecisionKind.ListedSupervision)]
    [InlineData(RuleNames.MajorHazardUnresolvedAccountability, DecisionKind.Interview)]
    [InlineData(RuleNames.TargetMissedAgainAccountability, DecisionKind.Interview)]
    public void Every_higher_rung_follows_its_lower_rung_from_an_earlier_evaluation(string rule, DecisionKind lowerRung)
    {
        var stored = History.Value.Stored;
        var higher = stored.Where(d => d.RuleName == rule).ToList();

        Assert.NotEmpty(higher);
        Assert.All(higher, decision => Assert.Contains(stored, lower =>
            lower.Kind == lowerRung
            && lower.SubjectType == decision.SubjectType
            && lower.SubjectId == decision.SubjectId
            && lower.DecidedAt < decision.DecidedAt));
    }

    [Fact]
    public void Every_stored_decision_replays_to_the_same_decision()
    {
        var simulation = History.Value;

        var failures = simulation.Stored
            .Select(d => evaluator.Replay(DecisionSnapshot.FromJson(d.Snapshot.ToJson()), simulation.Policy))
            .Where(r => !r.Same || !r.RuleSetVersionMatches)
            .Select(r => $"{r.Expected}: {string.Join(" ", r.Differences)}")
            .ToList();

        Assert.Empty(failures);
    }

    [Fact]
    public void Replay_under_another_policy_version_is_reported_as_different()
    {
        var decision = History.Value.Stored.First(d => d.RuleName == RuleNames.GeneralHazardSupervision);
        var stricter = Policies.With((PolicyKeys.GeneralSupervisionAfterDaysOverdue, 100), (PolicyKeys.GeneralInterviewAfterDaysOverdue, 100));

        var result = evaluator.Replay(decision.Snapshot, stricter);

        Assert.False(result.Same);
        Assert.Null(result.Replayed);
        Assert.Contains(result.Differences, d => d.Contains("policy", StringComparison.Ordinal));
        Assert.Contains(result.Differences, d => d.Contains("no longer decides", StringComparison.Ordinal));
    }

    [Fact]
    public void A_snapshot_whose_facts_were_altered_does_not_replay_the_same()
    {
        var decision = History.Value.Stored.First(d => d.RuleName == RuleNames.GeneralHazardReminder);
        var inputs = decision.Snapshot.Inputs;
        var hazard = Assert.Single(inputs.Hazards);
        var altered = decision.Snapshot with
        {
            Inputs = new FactSet
            {
                Clock = inputs.Clock,
                Hazards = [new HazardFact
                {
                    Id = hazard.Id,
                    Number = hazard.Number,
                    Grade = hazard.Grade,
                    AreaCode = hazard.AreaCode,
                    ResponsibleUnitCode = hazard.ResponsibleUnitCode,
                    Source = hazard.Source,
                    ReportedAt = hazard.ReportedAt,
                    GradedAt = hazard.GradedAt,
                    DueAt = inputs.Clock.Now.AddDays(3),
                }],
                Departments = inputs.Departments,
                Decisions = inputs.Decisions,
            },
        };

        Assert.True(evaluator.Replay(decision.Snapshot, History.Value.Policy).Same);
        Assert.False(evaluator.Replay(altered, History.Value.Policy).Same);
    }

    [Fact]
    public void A_snapshot_holds_the_matched_facts_as_they_were_and_the_versions_in_force()
    {
        var decision = History.Value.Stored.First(d => d.RuleName == RuleNames.DepartmentRepeatedInterviewReferral);
        var snapshot = DecisionSnapshot.FromJson(decision.Snapshot.ToJson());

        Assert.Equal(decision.PolicyVersion, snapshot.PolicyVersion);
        Assert.Equal(decision.RuleSetVersion, snapshot.RuleSetVersion);
        Assert.Equal(decision.Key, snapshot.Decision);
        Assert.Equal(decision.Reason, snapshot.Reason);
        Assert.Equal(
            ["clock", "department", "interviews", "overdue"],
            snapshot.Matched.Select(m => m.Declaration).Order(StringComparer.Ordinal));
        var interviews = snapshot.Matched.Single(m => m.Declaration == "interviews");
        Assert.Equal("IEnumerable<DecisionFact>", interviews.FactType);
        Assert.True(interviews.Value.GetArrayLength() >= 3);
        Assert.Contains("\"kind\":\"Interview\"", snapshot.ToJson(), StringComparison.Ordinal);
        Assert.Contains("纪检监察", snapshot.ToJson(), StringComparison.Ordinal);
    }
}
