using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Notifications;
using WorkflowHub.Campaign.Workflows;

namespace WorkflowHub.Campaign.Features.Notifications;

/// <summary>The inbox of the caller's own org unit, newest first; <c>UnreadOnly</c> leaves out what someone of the unit has read.</summary>
[AllowAnyAuthenticatedUser]
public sealed record ListNotifications(bool UnreadOnly = false, int Skip = 0, int Take = Paging.DefaultTake) : IQuery<NotificationsPage>;

/// <summary>One page of the inbox and how many notices of the unit are unread.</summary>
public sealed record NotificationsPage(IReadOnlyList<NotificationView> Items, int Total, int Unread);

public sealed class ListNotificationsValidator : AbstractValidator<ListNotifications>
{
    public ListNotificationsValidator()
    {
        RuleFor(q => q.Skip).InclusiveBetween(0, Paging.MaxSkip);
        RuleFor(q => q.Take).InclusiveBetween(1, Paging.MaxTake);
    }
}

public sealed class ListNotificationsHandler(CampaignDbContext db, ICurrentUser user) : IQueryHandler<ListNotifications, NotificationsPage>
{
    public async ValueTask<NotificationsPage> Handle(ListNotifications query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(user.OrgUnitCode))
        {
            return new NotificationsPage([], 0, 0);
        }

        var inbox = db.Set<Notification>().AsNoTracking().Where(n => n.AddresseeUnitCode == user.OrgUnitCode);
        var unread = await inbox.CountAsync(n => n.ReadAt == null, cancellationToken);
        var filtered = query.UnreadOnly ? inbox.Where(n => n.ReadAt == null) : inbox;
        var total = await filtered.CountAsync(cancellationToken);
        var items = await filtered
            .OrderByDescending(n => n.CreatedAt)
            .ThenBy(n => n.Id)
            .Skip(query.Skip)
            .Take(query.Take)
            .ToListAsync(cancellationToken);
        return new NotificationsPage(items.Select(NotificationView.From).ToList(), total, unread);
    }
}
