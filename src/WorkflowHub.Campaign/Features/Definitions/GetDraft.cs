using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Workflows.Drafts;

namespace WorkflowHub.Campaign.Features.Definitions;

/// <summary>The designer's saved draft of a process key.</summary>
[RequireRoles(Roles.Admin)]
public sealed record GetDraft(string Key) : IQuery<DraftView>;

public sealed class GetDraftValidator : AbstractValidator<GetDraft>
{
    public GetDraftValidator() => RuleFor(q => q.Key).ValidKey();
}

public sealed class GetDraftHandler(CampaignDbContext db) : IQueryHandler<GetDraft, DraftView>
{
    public async ValueTask<DraftView> Handle(GetDraft query, CancellationToken cancellationToken)
    {
        var draft = await db.Set<WorkflowDraft>().AsNoTracking().SingleOrDefaultAsync(d => d.Key == query.Key, cancellationToken)
            ?? throw NotFoundException.For("Draft", query.Key);
        return DraftView.From(draft);
    }
}
