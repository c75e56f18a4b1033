using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Features.Lists;
using WorkflowHub.Campaign.Features.Targets;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Hazards.Tallies;
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
    /// <summary>How many hazards share area, district, state and grade.</summary>
    private sealed record HazardGroup(string AreaCode, string DistrictCode, HazardState State, HazardGrade Grade, int Count);

    public async ValueTask<CampaignOverview> Handle(GetCampaignOverview query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var today = ListExportContext.LocalDate(now);
        var phases = await db.Phases.AsNoTracking().OrderBy(p => p.Order).ToListAsync(cancellationToken);
        // The phase under way; after the campaign the last one, before it the first.
        var current = phases.LastOrDefault(p => p.Start <= today) ?? phases.FirstOrDefault();
        var phase = current is null ? null : new OverviewPhase(current.Code, current.NameZh, current.NameEn, current.Start, current.End, current.Start <= today && today <= current.End);

        var (hazards, overdue) = HazardTallyScope.Of(user) is { } scope
            ? await ReadTalliesAsync(scope, now, cancellationToken)
            : await GroupHazardsAsync(now, cancellationToken);
        var targets = await TargetProgressReader.ReadAsync(db, timeProvider, cancellationToken);
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Number).ToListAsync(cancellationToken);
        var districts = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.District).OrderBy(u => u.Code).ToListAsync(cancellationToken);
        var byArea = hazards.ToLookup(h => h.AreaCode);
        var byDistrict = hazards.ToLookup(h => h.DistrictCode);
        var overdueByArea = overdue.ToLookup(o => o.AreaCode);
        var overdueByDistrict = overdue.ToLookup(o => o.DistrictCode);
        var targetsByArea = targets.ToLookup(t => t.AreaCode);

        return new CampaignOverview(
            today,
            phase,
            Count(hazards, overdue),
            Count(targets),
            areas.Select(a => new AreaOverview(a.Code, a.Number, a.NameZh, a.NameEn, Count(byArea[a.Code], overdueByArea[a.Code]), Count(targetsByArea[a.Code]))).ToList(),
            districts.Select(d => new DistrictOverview(d.Code, d.NameZh, d.NameEn, Count(byDistrict[d.Code], overdueByDistrict[d.Code]))).ToList());
    }

    /// <summary>
    /// Users the tallies serve (all-seeing, one department, one district): a few hundred rows of counts kept by the
    /// database with every hazard change, and overdue from the due tallies, however many hazards there are.
    /// </summary>
    private async Task<(List<HazardGroup> Hazards, IReadOnlyList<OverdueCount> Overdue)> ReadTalliesAsync(HazardTallyScope scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hazards = await scope.Filter(db.Set<HazardTally>().AsNoTracking())
            .Where(t => t.Count != 0)
            .GroupBy(t => new { t.AreaCode, t.DistrictCode, t.State, t.Grade })
            .Select(g => new HazardGroup(g.Key.AreaCode, g.Key.DistrictCode, g.Key.State, g.Key.Grade, g.Sum(t => t.Count)))
            .ToListAsync(cancellationToken);
        var overdue = await OverdueCounter.CountAsync(db, scope, now, areaCode: null, districtCode: null, cancellationToken);
        return (hazards, overdue);
    }

    /// <summary>
    /// Other users (an enterprise, several roles at once) see few hazards, grouped by SQLite from the hazards: the key
    /// follows the covering index (area, state, district, grade, due) so it is read in its order.
    /// </summary>
    private async Task<(List<HazardGroup> Hazards, IReadOnlyList<OverdueCount> Overdue)> GroupHazardsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var groups = await db.Hazards.AsNoTracking().VisibleTo(user)
            .GroupBy(h => new { h.AreaCode, h.State, h.DistrictCode, h.Grade })
            .Select(g => new { g.Key.AreaCode, g.Key.DistrictCode, g.Key.State, g.Key.Grade, Count = g.Count(), Overdue = g.Count(h => h.DueAt != null && h.DueAt < now) })
            .ToListAsync(cancellationToken);
        // A closed hazard is never overdue (HazardRules.IsOverdue).
        var overdue = groups.Where(g => g.State != HazardState.Closed && g.Overdue > 0)
            .GroupBy(g => (g.AreaCode, g.DistrictCode))
            .Select(g => new OverdueCount(g.Key.AreaCode, g.Key.DistrictCode, g.Sum(o => o.Overdue)))
            .ToList();
        return (groups.Select(g => new HazardGroup(g.AreaCode, g.DistrictCode, g.State, g.Grade, g.Count)).ToList(), overdue);
    }

    /// <summary>Adds groups and overdue counts up.</summary>
    private static HazardCounts Count(IEnumerable<HazardGroup> groups, IEnumerable<OverdueCount> overdueCounts)
    {
        int total = 0, closed = 0, major = 0;
        var overdue = overdueCounts.Sum(o => o.Count);
        foreach (var group in groups)
        {
            total += group.Count;
            if (group.State == HazardState.Closed)
            {
                closed += group.Count;
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
