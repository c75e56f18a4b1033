using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Features.Measures;

/// <summary>The institutional-measures list (public within the campaign), optionally by area, unit or state.</summary>
[AllowAnyAuthenticatedUser]
public sealed record ListMeasures(string? AreaCode = null, string? UnitCode = null, MeasureState? State = null) : IQuery<IReadOnlyList<MeasureView>>;

public sealed class ListMeasuresHandler(CampaignDbContext db) : IQueryHandler<ListMeasures, IReadOnlyList<MeasureView>>
{
    public async ValueTask<IReadOnlyList<MeasureView>> Handle(ListMeasures query, CancellationToken cancellationToken)
    {
        var measures = db.InstitutionalMeasures.AsNoTracking();
        if (!string.IsNullOrEmpty(query.AreaCode))
        {
            measures = measures.Where(m => m.AreaCode == query.AreaCode);
        }

        if (!string.IsNullOrEmpty(query.UnitCode))
        {
            measures = measures.Where(m => m.ResponsibleUnitCode == query.UnitCode);
        }

        if (query.State is { } state)
        {
            measures = measures.Where(m => m.State == state);
        }

        var list = await measures.OrderBy(m => m.Number).ToListAsync(cancellationToken);
        return list.Select(MeasureView.From).ToList();
    }
}
