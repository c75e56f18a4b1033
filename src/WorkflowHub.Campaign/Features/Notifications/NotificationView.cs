using WorkflowHub.Campaign.Notifications;

namespace WorkflowHub.Campaign.Features.Notifications;

/// <summary>A notice in a unit's inbox.</summary>
public sealed record NotificationView(
    Guid Id,
    string AddresseeUnitCode,
    string TitleZh,
    string TitleEn,
    string BodyZh,
    string BodyEn,
    string DefinitionKey,
    string ElementId,
    Guid InstanceId,
    string? BusinessKey,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt,
    string? ReadBy)
{
    public static NotificationView From(Notification n) => new(
        n.Id, n.AddresseeUnitCode, n.TitleZh, n.TitleEn, n.BodyZh, n.BodyEn, n.DefinitionKey, n.ElementId, n.InstanceId, n.BusinessKey, n.CreatedAt, n.ReadAt, n.ReadBy);
}
