using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Facts;

namespace WorkflowHub.Campaign.Decisions.Facts;

/// <summary>The facts of one evaluation and what a person calls each subject in them (hazard number, target code, task name).</summary>
public sealed record FactScope(FactSet Facts, IReadOnlyDictionary<(SubjectType, string), string> Labels)
{
    public string LabelOf(SubjectType subjectType, string subjectId) =>
        Labels.TryGetValue((subjectType, subjectId), out var label) ? label : subjectId;
}
