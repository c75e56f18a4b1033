using System.Collections.Concurrent;
using NRules;
using NRules.Fluent;
using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Policy;
using WorkflowHub.Rules.Rules;

namespace WorkflowHub.Rules.Evaluation;

/// <summary>
/// Runs the rule set. Thread-safe: the NRules session factory is compiled once per process and
/// shared; every evaluation opens its own sessions (one per org unit). Register it as a singleton.
/// </summary>
public sealed class RuleSetEvaluator
{
    /// <summary>Above this many facts a sweep spreads its units over the processor's cores.</summary>
    private const int ParallelThreshold = 5_000;

    private static readonly Lazy<ISessionFactory> SharedFactory = new(Compile, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ISessionFactory factory = SharedFactory.Value;

    public string RuleSetVersion { get; } = Evaluation.RuleSetVersion.Current;

    /// <summary>
    /// Evaluates the rules over <paramref name="facts"/> under <paramref name="policy"/> and returns
    /// the decisions taken, in a stable order. Nothing is stored: the caller records them and passes
    /// them back as <see cref="DecisionFact"/>s next time, which is what moves a ladder up one rung.
    /// </summary>
    public IReadOnlyList<DecisionProposal> Evaluate(FactSet facts, RulePolicy policy, EvaluationTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(trigger);

        var partitions = FactPartitioner.Split(facts);
        List<DecisionProposal> decisions;
        if (partitions.Count > 1 && facts.Count > ParallelThreshold)
        {
            var bag = new ConcurrentBag<DecisionProposal>();
            var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
            Parallel.ForEach(partitions, options, partition =>
            {
                foreach (var decision in EvaluatePartition(partition, facts.Clock, policy, trigger))
                {
                    bag.Add(decision);
                }
            });
            decisions = [.. bag];
        }
        else
        {
            decisions = partitions.SelectMany(p => EvaluatePartition(p, facts.Clock, policy, trigger)).ToList();
        }

        decisions.Sort(CompareForOutput);
        return decisions;
    }

    /// <summary>
    /// Re-runs the rule set on a stored snapshot under the given policy (load the version the snapshot
    /// names) and reports whether it takes the same decision.
    /// </summary>
    public ReplayResult Replay(DecisionSnapshot snapshot, RulePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(policy);

        var differences = new List<string>();
        if (policy.Version.ContentHash != snapshot.PolicyVersion.ContentHash)
        {
            differences.Add($"The policy given is {policy.Version}, the decision was taken under {snapshot.PolicyVersion}.");
        }

        var replayed = Evaluate(snapshot.Inputs, policy, EvaluationTrigger.Replay())
            .FirstOrDefault(d => d.Key == snapshot.Decision);
        if (replayed is null)
        {
            differences.Add($"The rule set no longer decides {snapshot.Decision}.");
        }
        else if (replayed.Reason != snapshot.Reason)
        {
            differences.Add($"The reason differs: now \"{replayed.Reason.English}\", stored \"{snapshot.Reason.English}\".");
        }

        var versionMatches = snapshot.RuleSetVersion == RuleSetVersion;
        return new ReplayResult(differences.Count == 0, snapshot.Decision, replayed, versionMatches, differences);
    }

    private static ISessionFactory Compile()
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(RuleNames).Assembly));
        return repository.Compile();
    }

    private static int CompareForOutput(DecisionProposal left, DecisionProposal right)
    {
        var order = left.SubjectType.CompareTo(right.SubjectType);
        if (order == 0)
        {
            order = string.CompareOrdinal(left.SubjectId, right.SubjectId);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(left.RuleName, right.RuleName);
        }

        return order != 0 ? order : left.Kind.CompareTo(right.Kind);
    }

    private List<DecisionProposal> EvaluatePartition(FactPartition partition, ClockFact clock, RulePolicy policy, EvaluationTrigger trigger)
    {
        var session = factory.CreateSession();
        session.Insert(clock);
        session.Insert(policy);
        session.InsertAll(partition.AllFacts());
        session.Fire();

        var proposed = session.Query<ProposedDecision>().ToList();
        var decisions = new List<DecisionProposal>(proposed.Count);
        foreach (var proposal in proposed)
        {
            var snapshot = new DecisionSnapshot
            {
                Decision = proposal.Key,
                Reason = proposal.Reason,
                RuleSetVersion = RuleSetVersion,
                PolicyVersion = policy.Version,
                Trigger = trigger,
                Inputs = SnapshotScope.For(proposal, partition, clock),
                Matched = proposal.Matched,
            };
            decisions.Add(new DecisionProposal
            {
                Kind = proposal.Kind,
                SubjectType = proposal.SubjectType,
                SubjectId = proposal.SubjectId,
                AddresseeUnitCode = proposal.AddresseeUnitCode,
                RuleName = proposal.RuleName,
                RuleSetVersion = RuleSetVersion,
                PolicyVersion = policy.Version,
                Reason = proposal.Reason,
                Trigger = trigger,
                DecidedAt = proposal.DecidedAt,
                Snapshot = snapshot,
            });
        }

        return decisions;
    }
}

