using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Facts;

namespace WorkflowHub.Rules.Evaluation;

/// <summary>
/// The facts of one org unit. NRules joins by scanning, so a sweep over every hazard in one session
/// would compare every hazard with every decision; no rule joins facts of two units, so each unit is
/// evaluated in its own session and the work grows with the city, not with its square.
/// </summary>
internal sealed class FactPartition(string unitCode)
{
    private ILookup<(SubjectType, string), DecisionFact>? decisionsBySubject;
    private ILookup<string, DecisionFact>? decisionsByAddressee;

    public string UnitCode { get; } = unitCode;

    public List<HazardFact> Hazards { get; } = [];

    public List<UserTaskFact> Tasks { get; } = [];

    public List<TargetFact> Targets { get; } = [];

    public List<DepartmentFact> Departments { get; } = [];

    public List<DecisionFact> Decisions { get; } = [];

    /// <summary>Every rule matches a hazard, task or target: a unit with none of them cannot be decided about.</summary>
    public bool HasSubjects => Hazards.Count > 0 || Tasks.Count > 0 || Targets.Count > 0;

    /// <summary>Earlier decisions about one subject; indexed on first use, only when something was decided.</summary>
    public IEnumerable<DecisionFact> DecisionsAbout(SubjectType subjectType, string subjectId) =>
        (decisionsBySubject ??= Decisions.ToLookup(d => (d.SubjectType, d.SubjectId)))[(subjectType, subjectId)];

    public IEnumerable<DecisionFact> DecisionsAddressedTo(string unitCode) =>
        (decisionsByAddressee ??= Decisions.ToLookup(d => d.AddresseeUnitCode, StringComparer.Ordinal))[unitCode];

    /// <summary>
    /// Earlier decisions go in before the subjects: the department rule's interview count is then
    /// complete when the hazards arrive, instead of being re-joined with every hazard on each new interview.
    /// </summary>
    public IEnumerable<object> AllFacts() =>
        Departments.Cast<object>().Concat(Decisions).Concat(Hazards).Concat(Targets).Concat(Tasks);
}
