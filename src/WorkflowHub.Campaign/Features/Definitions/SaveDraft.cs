using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Workflows;
using WorkflowHub.Campaign.Workflows.Drafts;

namespace WorkflowHub.Campaign.Features.Definitions;

/// <summary>
/// Saves the designer's draft of a process key (created on first save). A draft need not be valid: it is work in
/// progress. <see cref="ExpectedVersion"/>, when sent, must be the stored version, else someone saved in between (409).
/// </summary>
[RequireRoles(Roles.Admin)]
public sealed record SaveDraft(string Key, string Xml, long? ExpectedVersion) : ICommand<DraftView>;

public sealed class SaveDraftValidator : AbstractValidator<SaveDraft>
{
    public SaveDraftValidator()
    {
        RuleFor(c => c.Key).ValidKey();
        RuleFor(c => c.Xml).ValidXml();
        RuleFor(c => c.ExpectedVersion).GreaterThan(0);
    }
}

public sealed class SaveDraftHandler(CampaignDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<SaveDraft, DraftView>
{
    public async ValueTask<DraftView> Handle(SaveDraft command, CancellationToken cancellationToken)
    {
        var drafts = db.Set<WorkflowDraft>();
        var draft = await drafts.SingleOrDefaultAsync(d => d.Key == command.Key, cancellationToken);
        if (draft is null)
        {
            if (command.ExpectedVersion is not null)
            {
                throw new ConcurrencyException($"The draft of '{command.Key}' was deleted or never saved; version {command.ExpectedVersion} no longer exists.");
            }

            draft = new WorkflowDraft { Key = command.Key, Xml = command.Xml };
            drafts.Add(draft);
        }
        else if (command.ExpectedVersion is { } expected)
        {
            if (draft.Version != expected)
            {
                throw new ConcurrencyException($"The draft of '{command.Key}' was saved by {draft.UpdatedBy ?? "someone else"} (now version {draft.Version}, you sent {expected}). Reload and try again.");
            }

            // The UPDATE checks the version the caller read, so a save committed in between is caught too.
            db.Entry(draft).Property(d => d.Version).OriginalValue = expected;
        }

        draft.Xml = command.Xml;
        draft.UpdatedBy = TaskCandidates.EngineUserId(user);
        draft.UpdatedAt = time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is not DbUpdateConcurrencyException && draft.Version <= 1)
        {
            // Two first saves of the same key raced on the primary key.
            throw new ConcurrencyException($"The draft of '{command.Key}' was created by someone else at the same time. Reload and try again.", exception);
        }

        return DraftView.From(draft);
    }
}
