using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Facts;

namespace WorkflowHub.Rules.Evaluation;

/// <summary>
/// Picks, from a unit's facts, what a decision's snapshot must hold to replay it: its subject, the
/// unit's department, every earlier decision about the subject (and, for a department, addressed to
/// it), and every fact the rule matched.
/// </summary>
internal static class SnapshotScope
{
    public static FactSet For(ProposedDecision proposal, FactPartition partition, ClockFact clock)
    {
        var hazards = new List<HazardFact>();
        var tasks = new List<UserTaskFact>();
        var targets = new List<TargetFact>();
        var decisions = new List<DecisionFact>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);

        void Add<T>(List<T> list, T fact)
            where T : class
        {
            if (seen.Add(fact))
            {
                list.Add(fact);
            }
        }

        // Every rule binds its subject, so the matched facts include it.
        if (proposal.SubjectType == SubjectType.Department)
        {
            foreach (var decision in partition.DecisionsAddressedTo(proposal.SubjectId))
            {
                Add(decisions, decision);
            }
        }

        foreach (var decision in partition.DecisionsAbout(proposal.SubjectType, proposal.SubjectId))
        {
            Add(decisions, decision);
        }

        foreach (var value in proposal.MatchedValues)
        {
            switch (value)
            {
                case HazardFact hazard: Add(hazards, hazard); break;
                case TargetFact target: Add(targets, target); break;
                case UserTaskFact task: Add(tasks, task); break;
                case DecisionFact decision: Add(decisions, decision); break;
                case IEnumerable<DecisionFact> collected:
                    foreach (var decision in collected)
                    {
                        Add(decisions, decision);
                    }

                    break;
            }
        }

        return new FactSet
        {
            Clock = clock,
            Hazards = hazards,
            Tasks = tasks,
            Targets = targets,
            Departments = partition.Departments.Where(d => d.UnitCode == proposal.AddresseeUnitCode).ToList(),
            Decisions = decisions,
        };
    }
}
