using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Decisions;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Workflows;
using WorkflowHub.Rules.Decisions;

namespace WorkflowHub.Campaign.Features.Decisions;

/// <summary>
/// Decisions, newest first, filtered by kind, subject, addressee unit, rule and period (<see cref="From"/> inclusive,
/// <see cref="To"/> exclusive). The committee office, auditors and admins see all; anyone else sees the decisions
/// addressed to their own unit.
/// </summary>
[AllowAnyAuthenticatedUser]
public sealed record ListDecisions(
    DecisionKind? Kind = null,
    SubjectType? SubjectType = null,
    string? SubjectId = null,
    string? Unit = null,
    string? Rule = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Skip = 0,
    int Take = Paging.DefaultTake) : IQuery<Page<DecisionSummaryView>>;

public sealed class ListDecisionsValidator : AbstractValidator<ListDecisions>
{
    public ListDecisionsValidator()
    {
        RuleFor(q => q.Skip).InclusiveBetween(0, Paging.MaxSkip);
        RuleFor(q => q.Take).InclusiveBetween(1, Paging.MaxTake);
        RuleFor(q => q.SubjectId).MaximumLength(FieldLengths.Code);
        RuleFor(q => q.Unit).MaximumLength(FieldLengths.Code);
        RuleFor(q => q.Rule).MaximumLength(FieldLengths.Name);
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage("'to' must be after 'from'.");
    }
}

public sealed class ListDecisionsHandler(CampaignDbContext db, ICurrentUser user) : IQueryHandler<ListDecisions, Page<DecisionSummaryView>>
{
    public async ValueTask<Page<DecisionSummaryView>> Handle(ListDecisions query, CancellationToken cancellationToken)
    {
        var decisions = db.Set<DecisionRecord>().AsNoTracking().VisibleTo(user, d => d.AddresseeUnitCode);
        if (query.Kind is { } kind)
        {
            decisions = decisions.Where(d => d.Kind == kind);
        }

        if (query.SubjectType is { } subjectType)
        {
            decisions = decisions.Where(d => d.SubjectType == subjectType);
        }

        if (!string.IsNullOrWhiteSpace(query.SubjectId))
        {
            decisions = decisions.Where(d => d.SubjectId == query.SubjectId || d.SubjectLabel == query.SubjectId);
        }

        if (!string.IsNullOrWhiteSpace(query.Unit))
        {
            decisions = decisions.Where(d => d.AddresseeUnitCode == query.Unit);
        }

        if (!string.IsNullOrWhiteSpace(query.Rule))
        {
            decisions = decisions.Where(d => d.RuleName == query.Rule);
        }

        if (query.From is { } from)
        {
            decisions = decisions.Where(d => d.DecidedAt >= from);
        }

        if (query.To is { } to)
        {
            decisions = decisions.Where(d => d.DecidedAt < to);
        }

        var total = await decisions.CountAsync(cancellationToken);
        var page = await decisions
            .OrderByDescending(d => d.DecidedAt)
            .ThenBy(d => d.RuleName)
            .Skip(query.Skip)
            .Take(query.Take)
            .ToListAsync(cancellationToken);
        return new Page<DecisionSummaryView>(page.Select(DecisionSummaryView.From).ToList(), total);
    }
}
