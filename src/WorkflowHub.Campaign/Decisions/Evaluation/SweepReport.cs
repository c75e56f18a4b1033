namespace WorkflowHub.Campaign.Decisions.Evaluation;

/// <summary>What one sweep looked at and decided.</summary>
public sealed record SweepReport(
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    int Hazards,
    int Targets,
    int Tasks,
    int Departments,
    int EarlierDecisions,
    int Decisions,
    IReadOnlyDictionary<string, int> DecisionsByKind,
    int WorkflowsStarted,
    int OutcomesRecorded,
    int PolicyVersion)
{
    public long DurationMilliseconds => (long)Duration.TotalMilliseconds;
}
