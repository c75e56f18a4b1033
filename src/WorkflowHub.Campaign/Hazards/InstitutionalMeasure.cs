using WorkflowHub.Campaign.Domain;

namespace WorkflowHub.Campaign.Hazards;

/// <summary>An entry of the institutional-measures list (制度措施清单) with its responsible unit and timetable.</summary>
public sealed class InstitutionalMeasure : IVersioned
{
    public Guid Id { get; set; }
    public required string Number { get; set; }
    public required string Title { get; set; }
    public required string Content { get; set; }
    public required string AreaCode { get; set; }
    public required string ResponsibleUnitCode { get; set; }
    public DateOnly Timetable { get; set; }
    public MeasureState State { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public long Version { get; set; }
}
