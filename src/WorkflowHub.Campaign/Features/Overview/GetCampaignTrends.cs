using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Decisions;
using WorkflowHub.Campaign.Features.Lists;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Rules.Decisions;

namespace WorkflowHub.Campaign.Features.Overview;

/// <summary>
/// The campaign over time, month by month (the city's calendar months), computed from the stored dates: the rectification
/// rate at each month's end (hazards closed by then / hazards reported by then) and the decisions taken per kind each month.
/// The months run from the first reported hazard or decision to the current month, at most <see cref="MaxMonths"/> of them.
/// Hazards and decisions count as the user sees them.
/// </summary>
[AllowAnyAuthenticatedUser]
public sealed record GetCampaignTrends : IQuery<CampaignTrends>
{
    public const int MaxMonths = 36;
}

/// <param name="Months">The months of the series, "yyyy-MM", oldest first; every series has one value per month.</param>
public sealed record CampaignTrends(
    IReadOnlyList<string> Months,
    IReadOnlyList<RectificationPoint> Rectification,
    IReadOnlyList<DecisionKindSeries> DecisionsByKind);

/// <summary>One month of the rectification series.</summary>
/// <param name="Reported">Hazards reported in the month.</param>
/// <param name="Closed">Hazards closed (销号) in the month.</param>
/// <param name="ReportedToDate">Hazards reported up to the month's end.</param>
/// <param name="ClosedToDate">Hazards closed up to the month's end.</param>
/// <param name="Rate">ClosedToDate / ReportedToDate, 0 to 1 (0 when none was reported yet).</param>
public sealed record RectificationPoint(string Month, int Reported, int Closed, int ReportedToDate, int ClosedToDate, decimal Rate);

/// <summary>How many decisions of one kind were taken each month (only kinds taken at least once).</summary>
public sealed record DecisionKindSeries(DecisionKind Kind, IReadOnlyList<int> Counts);

public sealed class GetCampaignTrendsHandler(CampaignDbContext db, ICurrentUser user, TimeProvider timeProvider)
    : IQueryHandler<GetCampaignTrends, CampaignTrends>
{
    private const int NoDate = int.MinValue;

    /// <summary>How many hazards were reported in one bucket and closed in another (<see cref="NoDate"/>: not closed).</summary>
    private sealed record HazardBucket(int Reported, int Closed, int Count);

    private sealed record DecisionBucket(int Decided, DecisionKind Kind, int Count);

    public async ValueTask<CampaignTrends> Handle(GetCampaignTrends query, CancellationToken cancellationToken)
    {
        // Counted by the database in month buckets: a few hundred rows come back however many hazards there are.
        var current = MonthOf(timeProvider.GetUtcNow());
        var window = MonthWindow.Ending(current);
        var (hazards, decisions) = await CountAsync(window, cancellationToken);
        if (hazards.Any(h => h.Reported == window.After || h.Closed == window.After) || decisions.Any(d => d.Decided == window.After))
        {
            // Dates after the current month (rare): the series runs to the latest of them instead.
            window = MonthWindow.Ending(await LatestMonthAsync(window.End, cancellationToken));
            (hazards, decisions) = await CountAsync(window, cancellationToken);
        }

        var withData = hazards.SelectMany(h => h.Closed == NoDate ? [h.Reported] : new[] { h.Reported, h.Closed })
            .Concat(decisions.Select(d => d.Decided))
            .ToList();
        if (withData.Count == 0)
        {
            return new CampaignTrends([], [], []);
        }

        // The series starts at the first month with data; anything before the window makes it start at the window's first.
        var firstBucket = Math.Max(0, withData.Min());
        var months = Enumerable.Range(window.First + firstBucket, window.Length - firstBucket).ToList();
        // Index = bucket + 1, from before the window (-1) to after it (a date written since the window was chosen).
        var reportedByBucket = new int[window.Length + 2];
        var closedByBucket = new int[window.Length + 2];
        foreach (var group in hazards)
        {
            reportedByBucket[group.Reported + 1] += group.Count;
            if (group.Closed != NoDate)
            {
                closedByBucket[group.Closed + 1] += group.Count;
            }
        }

        // Bucket -1 (index 0) holds everything before the window; it still counts towards the totals to date.
        var reportedToDate = reportedByBucket[0];
        var closedToDate = closedByBucket[0];
        var rectification = new List<RectificationPoint>(months.Count);
        for (var bucket = firstBucket; bucket < window.Length; bucket++)
        {
            var reportedIn = reportedByBucket[bucket + 1];
            var closedIn = closedByBucket[bucket + 1];
            reportedToDate += reportedIn;
            closedToDate += closedIn;
            var rate = reportedToDate == 0 ? 0m : Math.Round((decimal)closedToDate / reportedToDate, 4);
            rectification.Add(new RectificationPoint(Label(window.First + bucket), reportedIn, closedIn, reportedToDate, closedToDate, rate));
        }

        var byKind = decisions.Where(d => d.Decided >= firstBucket).ToLookup(d => d.Kind);
        var kinds = Enum.GetValues<DecisionKind>()
            .Where(kind => byKind[kind].Any())
            .Select(kind =>
            {
                var counts = new int[window.Length + 1];
                foreach (var group in byKind[kind])
                {
                    counts[group.Decided] += group.Count;
                }

                return new DecisionKindSeries(kind, counts.Take(window.Length).Skip(firstBucket).ToList());
            })
            .ToList();

        return new CampaignTrends(months.Select(Label).ToList(), rectification, kinds);
    }

    private async Task<(List<HazardBucket> Hazards, List<DecisionBucket> Decisions)> CountAsync(MonthWindow window, CancellationToken cancellationToken)
    {
        var hazards = await window.Expand(db.Hazards.AsNoTracking().VisibleTo(user)
                .GroupBy(h => new { Reported = window.BucketOf(h.ReportedAt), Closed = window.BucketOf(h.ClosedAt, NoDate) })
                .Select(g => new HazardBucket(g.Key.Reported, g.Key.Closed, g.Count())))
            .ToListAsync(cancellationToken);
        var decisions = await window.Expand(db.Set<DecisionRecord>().AsNoTracking().VisibleTo(user, d => d.AddresseeUnitCode)
                .GroupBy(d => new { Decided = window.BucketOf(d.DecidedAt), d.Kind })
                .Select(g => new DecisionBucket(g.Key.Decided, g.Key.Kind, g.Count())))
            .ToListAsync(cancellationToken);
        return (hazards, decisions);
    }

    /// <summary>
    /// The month of the latest date from <paramref name="after"/> on among the hazards and decisions the user sees. Such
    /// dates are rare (a clock set wrong), and SQLite cannot take MAX of or sort instants, so they are read and compared here.
    /// </summary>
    private async Task<int> LatestMonthAsync(DateTimeOffset after, CancellationToken cancellationToken)
    {
        var hazards = db.Hazards.AsNoTracking().VisibleTo(user);
        var reported = await hazards.Where(h => h.ReportedAt >= after).Select(h => h.ReportedAt).ToListAsync(cancellationToken);
        var closed = await hazards.Where(h => h.ClosedAt != null && h.ClosedAt >= after).Select(h => h.ClosedAt!.Value).ToListAsync(cancellationToken);
        var decided = await db.Set<DecisionRecord>().AsNoTracking().VisibleTo(user, d => d.AddresseeUnitCode)
            .Where(d => d.DecidedAt >= after).Select(d => d.DecidedAt).ToListAsync(cancellationToken);
        return reported.Concat(closed).Concat(decided).Select(MonthOf).DefaultIfEmpty(MonthOf(after)).Max();
    }

    /// <summary>A month as a number that sorts and steps: year × 12 + month − 1, in the city's calendar.</summary>
    private static int MonthOf(DateTimeOffset instant)
    {
        var date = ListExportContext.LocalDate(instant);
        return (date.Year * 12) + date.Month - 1;
    }

    private static string Label(int month) =>
        FormattableString.Invariant($"{month / 12:D4}-{(month % 12) + 1:D2}");
}
