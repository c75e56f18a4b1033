using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Hazards.Evidence;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Features.Hazards;

/// <summary>An evidence file of a hazard the user may see, with the type it was stored as.</summary>
[AllowAnyAuthenticatedUser]
public sealed record GetEvidence(Guid HazardId, Guid EvidenceId) : IQuery<EvidenceContent>;

/// <summary>The caller disposes <see cref="Content"/>.</summary>
public sealed record EvidenceContent(EvidenceView Evidence, Stream Content);

public sealed class GetEvidenceHandler(CampaignDbContext db, ICurrentUser user, EvidenceStore store) : IQueryHandler<GetEvidence, EvidenceContent>
{
    public async ValueTask<EvidenceContent> Handle(GetEvidence query, CancellationToken cancellationToken)
    {
        var visible = await db.Hazards.AsNoTracking().VisibleTo(user).AnyAsync(h => h.Id == query.HazardId, cancellationToken);
        var evidence = visible
            ? await db.HazardEvidence.AsNoTracking().SingleOrDefaultAsync(e => e.Id == query.EvidenceId && e.HazardId == query.HazardId, cancellationToken)
            : null;
        if (evidence is null)
        {
            throw NotFoundException.For("Evidence", query.EvidenceId.ToString());
        }

        var content = store.OpenRead(evidence.StoragePath)
            ?? throw new NotFoundException($"The file of evidence '{evidence.Id}' is missing from storage.");
        return new EvidenceContent(EvidenceView.From(evidence), content);
    }
}
