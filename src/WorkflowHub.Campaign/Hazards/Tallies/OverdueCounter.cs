using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Infrastructure.Persistence;

namespace WorkflowHub.Campaign.Hazards.Tallies;

/// <summary>How many open hazards of one area and district are past their deadline.</summary>
public sealed record OverdueCount(string AreaCode, string DistrictCode, int Count);

/// <summary>
/// Counts overdue hazards (<see cref="HazardRules.Overdue"/>) without reading every open hazard: the due spans wholly
/// before now come from <see cref="HazardDueTally"/>; the span now runs in is read from the hazards' (DueAt, State, …)
/// index, a few days of deadlines, and filtered here by the scope so the query has one plan for every user.
/// </summary>
public static class OverdueCounter
{
    public static async Task<IReadOnlyList<OverdueCount>> CountAsync(
        CampaignDbContext db, HazardTallyScope scope, DateTimeOffset now, string? areaCode, string? districtCode, CancellationToken cancellationToken)
    {
        var current = HazardTallies.DueSpanOf(now);
        var tallies = scope.Filter(db.Set<HazardDueTally>().AsNoTracking()).Where(t => t.DueSpan < current);
        if (areaCode is not null)
        {
            tallies = tallies.Where(t => t.AreaCode == areaCode);
        }

        if (districtCode is not null)
        {
            tallies = tallies.Where(t => t.DistrictCode == districtCode);
        }

        var past = await tallies
            .GroupBy(t => new { t.AreaCode, t.DistrictCode })
            .Select(g => new OverdueCount(g.Key.AreaCode, g.Key.DistrictCode, g.Sum(t => t.Count)))
            .ToListAsync(cancellationToken);

        var spanStart = HazardTallies.DueSpanStart(current);
        var recent = await db.Hazards.AsNoTracking()
            .Where(h => h.DueAt >= spanStart && h.DueAt < now && h.State != HazardState.Closed)
            .Select(h => new { h.AreaCode, h.DistrictCode, h.ResponsibleUnitCode })
            .ToListAsync(cancellationToken);
        var counts = past.ToDictionary(c => (c.AreaCode, c.DistrictCode), c => c.Count);
        foreach (var hazard in recent)
        {
            if (scope.Includes(hazard.ResponsibleUnitCode, hazard.DistrictCode)
                && (areaCode is null || hazard.AreaCode == areaCode)
                && (districtCode is null || hazard.DistrictCode == districtCode))
            {
                counts[(hazard.AreaCode, hazard.DistrictCode)] = counts.GetValueOrDefault((hazard.AreaCode, hazard.DistrictCode)) + 1;
            }
        }

        return counts.Select(c => new OverdueCount(c.Key.AreaCode, c.Key.DistrictCode, c.Value)).ToList();
    }
}
