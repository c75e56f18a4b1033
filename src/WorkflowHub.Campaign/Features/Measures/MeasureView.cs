using WorkflowHub.Campaign.Hazards;

namespace WorkflowHub.Campaign.Features.Measures;

/// <summary>An institutional measure; <see cref="Version"/> goes back with an edit.</summary>
public sealed record MeasureView(
    Guid Id,
    string Number,
    string Title,
    string Content,
    string AreaCode,
    string ResponsibleUnitCode,
    DateOnly Timetable,
    MeasureState State,
    DateTimeOffset? CompletedAt,
    long Version)
{
    public static MeasureView From(InstitutionalMeasure m) =>
        new(m.Id, m.Number, m.Title, m.Content, m.AreaCode, m.ResponsibleUnitCode, m.Timetable, m.State, m.CompletedAt, m.Version);
}
