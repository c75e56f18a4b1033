using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Features.Measures;

/// <summary>One measure by id.</summary>
[AllowAnyAuthenticatedUser]
public sealed record GetMeasure(Guid Id) : IQuery<MeasureView>;

public sealed class GetMeasureHandler(CampaignDbContext db) : IQueryHandler<GetMeasure, MeasureView>
{
    public async ValueTask<MeasureView> Handle(GetMeasure query, CancellationToken cancellationToken) =>
        MeasureView.From(await db.InstitutionalMeasures.AsNoTracking().SingleOrDefaultAsync(m => m.Id == query.Id, cancellationToken)
            ?? throw NotFoundException.For("Measure", query.Id.ToString()));
}
