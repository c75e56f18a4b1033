using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Decisions;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Features.Decisions;

/// <summary>Loads a decision the user may see; one they may not see is reported as not found, so its existence does not leak.</summary>
internal static class DecisionAccess
{
    public static async Task<DecisionRecord> LoadVisibleAsync(CampaignDbContext db, ICurrentUser user, Guid id, CancellationToken cancellationToken) =>
        await db.Set<DecisionRecord>().AsNoTracking()
            .VisibleTo(user, d => d.AddresseeUnitCode)
            .SingleOrDefaultAsync(d => d.Id == id, cancellationToken)
        ?? throw NotFoundException.For("Decision", id.ToString());
}
