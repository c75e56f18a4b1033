using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Features.Lists;
using WorkflowHub.Campaign.Features.Targets;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Plan;

namespace WorkflowHub.Campaign.Features.Overview;

/// <summary>
/// The campaign at a glance: the current phase, and per area and per district the hazards open, closed and overdue,
/// the rectification rate (closed / all) and the targets on track, behind and missed. Hazards count as the user sees them.
/// </summary>
[AllowAnyAuthenticatedUser]
public sealed record GetCampaignOverview : IQuery<CampaignOverview>;

public sealed record CampaignOverview(
    DateOnly Today,
    OverviewPhase? CurrentPhase,
    HazardCounts Hazards,
    TargetCounts Targets,
    IReadOnlyList<AreaOverview> Areas,
    IReadOnlyList<DistrictOverview> Districts);

public sealed record OverviewPhase(string Code, string NameZh, string NameEn, DateOnly Start, DateOnly End, bool Ongoing);

/// <param name="RectificationRate">Closed as a share of all, 0 to 1 (0 when there are none).</param>
public sealed record HazardCounts(int Total, int Open, int Closed, int Overdue, int Major, decimal RectificationRate);

public sealed record TargetCounts(int Total, int OnTrack, int Behind, int Missed);

public sealed record AreaOverview(string Code, int Number, string NameZh, string NameEn, HazardCounts Hazards, TargetCounts Targets);

public sealed record DistrictOverview(string Code, string NameZh, string NameEn, HazardCounts Hazards);

public sealed class GetCampaignOverviewHandler(CampaignDbContext db, ICurrentUser user, TimeProvider timeProvider)
    : IQueryHandler<GetCampaignOverview, CampaignOverview>
{
    private sealed record HazardFacts(string AreaCode, string DistrictCode, HazardState State, HazardGrade Grade, DateTimeOffset? DueAt);

    public async ValueTask<CampaignOverview> Handle(GetCampaignOverview query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var today = ListExportContext.LocalDate(now);
        var phases = await db.Phases.AsNoTracking().OrderBy(p => p.Order).ToListAsync(cancellationToken);
        // The phase under way; after the campaign the last one, before it the first.
        var current = phases.LastOrDefault(p => p.Start <= today) ?? phases.FirstOrDefault();
        var phase = current is null ? null : new OverviewPhase(current.Code, current.NameZh, current.NameEn, current.Start, current.End, current.Start <= today && today <= current.End);

        var hazards = await db.Hazards.AsNoTracking().VisibleTo(user)
            .Select(h => new HazardFacts(h.AreaCode, h.DistrictCode, h.State, h.Grade, h.DueAt))
            .ToListAsync(cancellationToken);
        var targets = await TargetProgressReader.ReadAsync(db, timeProvider, cancellationToken);
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Number).ToListAsync(cancellationToken);
        var districts = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.District).OrderBy(u => u.Code).ToListAsync(cancellationToken);
        var byArea = hazards.ToLookup(h => h.AreaCode);
        var byDistrict = hazards.ToLookup(h => h.DistrictCode);
        var targetsByArea = targets.ToLookup(t => t.AreaCode);

        return new CampaignOverview(
            today,
            phase,
            Count(hazards, now),
            Count(targets),
            areas.Select(a => new AreaOverview(a.Code, a.Number, a.NameZh, a.NameEn, Count(byArea[a.Code], now), Count(targetsByArea[a.Code]))).ToList(),
            districts.Select(d => new DistrictOverview(d.Code, d.NameZh, d.NameEn, Count(byDistrict[d.Code], now))).ToList());
    }

    private static HazardCounts Count(IEnumerable<HazardFacts> hazards, DateTimeOffset now)
    {
        var list = hazards.ToList();
        var closed = list.Count(h => h.State == HazardState.Closed);
        var overdue = list.Count(h => h.State != HazardState.Closed && h.DueAt is { } due && due < now);
        var rate = list.Count == 0 ? 0m : Math.Round((decimal)closed / list.Count, 4);
        return new HazardCounts(list.Count, list.Count - closed, closed, overdue, list.Count(h => h.Grade == HazardGrade.Major), rate);
    }

    private static TargetCounts Count(IEnumerable<TargetProgressView> targets)
    {
        var list = targets.ToList();
        return new TargetCounts(
            list.Count,
            list.Count(t => t.Status == TargetStatus.OnTrack),
            list.Count(t => t.Status == TargetStatus.Behind),
            list.Count(t => t.Status == TargetStatus.Missed));
    }
}
