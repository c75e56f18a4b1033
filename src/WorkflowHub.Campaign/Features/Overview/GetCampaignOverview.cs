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
    /// <summary>One group of hazards sharing area, district, state and grade; <see cref="Overdue"/> counts those past due.</summary>
    private sealed record HazardGroup(string AreaCode, string DistrictCode, HazardState State, HazardGrade Grade, int Count, int Overdue);

    public async ValueTask<CampaignOverview> Handle(GetCampaignOverview query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var today = ListExportContext.LocalDate(now);
        var phases = await db.Phases.AsNoTracking().OrderBy(p => p.Order).ToListAsync(cancellationToken);
        // The phase under way; after the campaign the last one, before it the first.
        var current = phases.LastOrDefault(p => p.Start <= today) ?? phases.FirstOrDefault();
        var phase = current is null ? null : new OverviewPhase(current.Code, current.NameZh, current.NameEn, current.Start, current.End, current.Start <= today && today <= current.End);

        // Counted by SQLite, not in memory: a few hundred groups instead of every hazard. The key follows the covering
        // index (area, state, district, grade, due) so the whole registry is read from that index in its order.
        var hazards = await db.Hazards.AsNoTracking().VisibleTo(user)
            .GroupBy(h => new { h.AreaCode, h.State, h.DistrictCode, h.Grade })
            .Select(g => new HazardGroup(g.Key.AreaCode, g.Key.DistrictCode, g.Key.State, g.Key.Grade, g.Count(), g.Count(h => h.DueAt != null && h.DueAt < now)))
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
            Count(hazards),
            Count(targets),
            areas.Select(a => new AreaOverview(a.Code, a.Number, a.NameZh, a.NameEn, Count(byArea[a.Code]), Count(targetsByArea[a.Code]))).ToList(),
            districts.Select(d => new DistrictOverview(d.Code, d.NameZh, d.NameEn, Count(byDistrict[d.Code]))).ToList());
    }

    /// <summary>Adds groups up; a closed hazard is never overdue (<see cref="HazardRules.IsOverdue"/>).</summary>
    private static HazardCounts Count(IEnumerable<HazardGroup> groups)
    {
        int total = 0, closed = 0, overdue = 0, major = 0;
        foreach (var group in groups)
        {
            total += group.Count;
            if (group.State == HazardState.Closed)
            {
                closed += group.Count;
            }
            else
            {
                overdue += group.Overdue;
            }

            if (group.Grade == HazardGrade.Major)
            {
                major += group.Count;
            }
        }

        var rate = total == 0 ? 0m : Math.Round((decimal)closed / total, 4);
        return new HazardCounts(total, total - closed, closed, overdue, major, rate);
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
