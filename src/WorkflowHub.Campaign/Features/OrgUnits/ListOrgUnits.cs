using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Features.OrgUnits;

/// <summary>All org units: committee office, departments, districts and enterprises, by kind and code.</summary>
[AllowAnyAuthenticatedUser]
public sealed record ListOrgUnits : IQuery<IReadOnlyList<OrgUnitView>>;

public sealed class ListOrgUnitsHandler(CampaignDbContext db) : IQueryHandler<ListOrgUnits, IReadOnlyList<OrgUnitView>>
{
    public async ValueTask<IReadOnlyList<OrgUnitView>> Handle(ListOrgUnits query, CancellationToken cancellationToken)
    {
        var units = await db.OrgUnits.AsNoTracking().ToListAsync(cancellationToken);
        return units.OrderBy(u => u.Kind).ThenBy(u => u.Code, StringComparer.Ordinal).Select(OrgUnitView.From).ToList();
    }
}
