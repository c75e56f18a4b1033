using WorkflowHub.Campaign.Hazards;

namespace WorkflowHub.Campaign.Features.Hazards;

/// <summary>
/// A hazard as lists show it; <see cref="Overdue"/> is open past its rectification deadline. The accident fields are
/// null until the hazard is linked to an accident (<see cref="LinkHazardToAccident"/>).
/// </summary>
public sealed record HazardView(
    Guid Id,
    string Number,
    string Title,
    string Description,
    string AreaCode,
    string DistrictCode,
    string ResponsibleUnitCode,
    string? EnterpriseUnitCode,
    string? EnterpriseName,
    HazardSource Source,
    DateTimeOffset FoundAt,
    string? Location,
    HazardGrade Grade,
    HazardState State,
    bool ListedForSupervision,
    DateTimeOffset? GradedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? RectifiedAt,
    DateTimeOffset? ClosedAt,
    int RejectionCount,
    bool LinkedToAccident,
    bool Overdue,
    Guid? InstanceId,
    string ReportedBy,
    DateTimeOffset ReportedAt,
    long Version,
    string? AccidentReference,
    DateOnly? AccidentDate,
    string? AccidentDescription,
    string? AccidentLinkedBy,
    DateTimeOffset? AccidentLinkedAt)
{
    public static HazardView From(Hazard h, DateTimeOffset now) => new(
        h.Id, h.Number, h.Title, h.Description, h.AreaCode, h.DistrictCode, h.ResponsibleUnitCode, h.EnterpriseUnitCode,
        h.EnterpriseName, h.Source, h.FoundAt, h.Location, h.Grade, h.State, h.ListedForSupervision, h.GradedAt, h.DueAt,
        h.RectifiedAt, h.ClosedAt, h.RejectionCount, h.LinkedToAccident, HazardRules.IsOverdue(h, now), h.InstanceId,
        h.ReportedBy, h.ReportedAt, h.Version, h.AccidentReference, h.AccidentDate, h.AccidentDescription, h.AccidentLinkedBy,
        h.AccidentLinkedAt);
}
