using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Audit;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Workflows;

namespace WorkflowHub.Campaign.Features.Audit;

/// <summary>
/// Audit entries, newest first, filtered by user name, action (the command's type name, e.g. <c>ReportHazard</c>),
/// outcome and period (<see cref="From"/> inclusive, <see cref="To"/> exclusive).
/// </summary>
[RequireRoles(Roles.Auditor, Roles.Admin)]
public sealed record ListAuditEntries(
    string? User = null,
    string? Action = null,
    AuditOutcome? Outcome = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Skip = 0,
    int Take = Paging.DefaultTake) : IQuery<Page<AuditEntryView>>;

/// <summary>One entry as stored, hashes included, so a reader can check links by hand.</summary>
public sealed record AuditEntryView(
    long Sequence,
    Guid Id,
    DateTimeOffset OccurredAt,
    string? UserId,
    string? UserName,
    string? OrgUnitCode,
    string Action,
    string Payload,
    AuditOutcome Outcome,
    string? Error,
    string PreviousHash,
    string Hash);

public sealed class ListAuditEntriesValidator : AbstractValidator<ListAuditEntries>
{
    public ListAuditEntriesValidator()
    {
        RuleFor(q => q.Skip).InclusiveBetween(0, Paging.MaxSkip);
        RuleFor(q => q.Take).InclusiveBetween(1, Paging.MaxTake);
        RuleFor(q => q.User).MaximumLength(FieldLengths.Name);
        RuleFor(q => q.Action).MaximumLength(FieldLengths.Name);
        RuleFor(q => q.Outcome).IsInEnum();
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage("'to' must be after 'from'.");
    }
}

public sealed class ListAuditEntriesHandler(CampaignDbContext db) : IQueryHandler<ListAuditEntries, Page<AuditEntryView>>
{
    public async ValueTask<Page<AuditEntryView>> Handle(ListAuditEntries query, CancellationToken cancellationToken)
    {
        var entries = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.User))
        {
            var user = query.User.Trim();
            entries = entries.Where(e => e.UserName == user);
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            var action = query.Action.Trim();
            entries = entries.Where(e => e.Action == action);
        }

        if (query.Outcome is { } outcome)
        {
            entries = entries.Where(e => e.Outcome == outcome);
        }

        if (query.From is { } from)
        {
            entries = entries.Where(e => e.OccurredAt >= from);
        }

        if (query.To is { } to)
        {
            entries = entries.Where(e => e.OccurredAt < to);
        }

        var total = await entries.CountAsync(cancellationToken);
        var page = await entries
            .OrderByDescending(e => e.Sequence)
            .Skip(query.Skip)
            .Take(query.Take)
            .Select(e => new AuditEntryView(
                e.Sequence, e.Id, e.OccurredAt, e.UserId, e.UserName, e.OrgUnitCode, e.Action, e.Payload, e.Outcome, e.Error, e.PreviousHash, e.Hash))
            .ToListAsync(cancellationToken);
        return new Page<AuditEntryView>(page, total);
    }
}
