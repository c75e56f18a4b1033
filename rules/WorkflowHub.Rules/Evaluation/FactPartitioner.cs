using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Facts;

namespace WorkflowHub.Rules.Evaluation;

/// <summary>Splits a fact set by org unit: each subject goes to the unit that owns it, each earlier decision to its subject's unit and its addressee's.</summary>
internal static class FactPartitioner
{
    public static List<FactPartition> Split(FactSet facts)
    {
        var partitions = new Dictionary<string, FactPartition>(StringComparer.Ordinal);
        var owners = new Dictionary<(SubjectType, string), string>();

        FactPartition For(string unitCode)
        {
            if (!partitions.TryGetValue(unitCode, out var partition))
            {
                partition = new FactPartition(unitCode);
                partitions.Add(unitCode, partition);
            }

            return partition;
        }

        // The same subject twice would be decided about twice.
        void Own(SubjectType subjectType, string id, string unitCode)
        {
            if (!owners.TryAdd((subjectType, id), unitCode))
            {
                throw new ArgumentException($"{subjectType} {id} appears more than once in the fact set.", nameof(facts));
            }
        }

        foreach (var hazard in facts.Hazards)
        {
            For(hazard.ResponsibleUnitCode).Hazards.Add(hazard);
            Own(SubjectType.Hazard, hazard.Id, hazard.ResponsibleUnitCode);
        }

        foreach (var target in facts.Targets)
        {
            For(target.LeadUnitCode).Targets.Add(target);
            Own(SubjectType.Target, target.Id, target.LeadUnitCode);
        }

        foreach (var task in facts.Tasks)
        {
            For(task.UnitCode).Tasks.Add(task);
            Own(SubjectType.Task, task.Id, task.UnitCode);
        }

        foreach (var department in facts.Departments)
        {
            For(department.UnitCode).Departments.Add(department);
        }

        foreach (var decision in facts.Decisions)
        {
            var owner = decision.SubjectType == SubjectType.Department
                ? decision.SubjectId
                : owners.GetValueOrDefault((decision.SubjectType, decision.SubjectId), decision.AddresseeUnitCode);
            For(owner).Decisions.Add(decision);
            if (!string.Equals(owner, decision.AddresseeUnitCode, StringComparison.Ordinal))
            {
                // The addressee's unit counts it too (interviews of a department), though its subject lives elsewhere.
                For(decision.AddresseeUnitCode).Decisions.Add(decision);
            }
        }

        return partitions.Values.Where(p => p.HasSubjects).ToList();
    }
}
