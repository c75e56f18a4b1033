using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Notifications;

namespace WorkflowHub.Campaign.Features.Notifications;

/// <summary>
/// Marks a notice of the caller's unit as read (the first reader and time are kept). A notice of another unit is
/// reported as not found, so its existence does not leak.
/// </summary>
[AllowAnyAuthenticatedUser]
public sealed record MarkNotificationRead(Guid Id) : ICommand<NotificationView>;

public sealed class MarkNotificationReadHandler(CampaignDbContext db, ICurrentUser user, TimeProvider time)
    : ICommandHandler<MarkNotificationRead, NotificationView>
{
    public async ValueTask<NotificationView> Handle(MarkNotificationRead command, CancellationToken cancellationToken)
    {
        var notification = string.IsNullOrEmpty(user.OrgUnitCode)
            ? null
            : await db.Set<Notification>().SingleOrDefaultAsync(n => n.Id == command.Id && n.AddresseeUnitCode == user.OrgUnitCode, cancellationToken);
        if (notification is null)
        {
            throw NotFoundException.For("Notification", command.Id.ToString());
        }

        notification.MarkRead(user.UserName ?? "?", time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return NotificationView.From(notification);
    }
}
