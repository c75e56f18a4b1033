using System.Text.Json.Serialization;

namespace WorkflowHub.Rules.Facts;

/// <summary>
/// Everything one evaluation starts from. For an incremental evaluation the application passes the
/// changed subject, its department, the earlier decisions about it, and the decisions addressed to
/// that department (the department rule counts its interviews); for the daily sweep, everything open.
/// Serialisable as JSON: a decision snapshot stores the part of it that concerned its subject.
/// </summary>
public sealed class FactSet
{
    public required ClockFact Clock { get; init; }

    public IReadOnlyList<HazardFact> Hazards { get; init; } = [];

    public IReadOnlyList<UserTaskFact> Tasks { get; init; } = [];

    public IReadOnlyList<TargetFact> Targets { get; init; } = [];

    public IReadOnlyList<DepartmentFact> Departments { get; init; } = [];

    public IReadOnlyList<DecisionFact> Decisions { get; init; } = [];

    [JsonIgnore]
    public int Count => Hazards.Count + Tasks.Count + Targets.Count + Departments.Count + Decisions.Count + 1;
}
