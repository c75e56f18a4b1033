using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Decisions;
using WorkflowHub.Campaign.Features.Lists;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Hazards.Tallies;
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

    /// <summary>Hazards reported and closed in one month (year × 12 + month − 1).</summary>
    private sealed record HazardMonth(int Month, int Reported, int Closed);

    private sealed record DecisionBucket(int Decided, DecisionKind Kind, int Count);

    public async ValueTask<CampaignTrends> Handle(GetCampaignTrends query, CancellationToken cancellationToken)
    {
        // Counted by the database in months: a few hundred rows come back however many hazards there are.
        var scope = HazardTallyScope.Of(user);
        var window = MonthWindow.Ending(MonthOf(timeProvider.GetUtcNow()));
        var (hazards, decisions) = await CountAsync(scope, window, cancellationToken);
        if (hazards.Any(h => h.Month > window.Last && (h.Reported != 0 || h.Closed != 0)) || decisions.Any(d => d.Decided == window.After))
        {
            // Dates after the current month (rare): the series runs to the latest of them instead.
            window = MonthWindow.Ending(await LatestMonthAsync(scope, hazards, window.End, cancellationToken));
            (hazards, decisions) = await CountAsync(scope, window, cancellationToken);
        }

        // Bucket of a month: -1 before the window, 0 to Length − 1 its months, After after it (written since it was chosen).
        int BucketOf(int month) => month < window.First ? -1 : Math.Min(month - window.First, window.After);
        var withData = hazards.Where(h => h.Reported != 0 || h.Closed != 0).Select(h => BucketOf(h.Month))
            .Concat(decisions.Select(d => d.Decided))
            .ToList();
        if (withData.Count == 0)
        {
            return new CampaignTrends([], [], []);
        }

        // The series starts at the first month with data; anything before the window makes it start at the window's first.
        var firstBucket = Math.Max(0, withData.Min());
        var months = Enumerable.Range(window.First + firstBucket, window.Length - firstBucket).ToList();
        // Index = bucket + 1, from before the window (-1) to after it.
        var reportedByBucket = new int[window.Length + 2];
        var closedByBucket = new int[window.Length + 2];
        foreach (var month in hazards)
        {
            reportedByBucket[BucketOf(month.Month) + 1] += month.Reported;
            closedByBucket[BucketOf(month.Month) + 1] += month.Closed;
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

    private async Task<(List<HazardMonth> Hazards, List<DecisionBucket> Decisions)> CountAsync(HazardTallyScope? scope, MonthWindow window, CancellationToken cancellationToken)
    {
        var hazards = scope is null ? await BucketHazardsAsync(window, cancellationToken) : await ReadTalliesAsync(scope, cancellationToken);
        var decisions = await window.Expand(db.Set<DecisionRecord>().AsNoTracking().VisibleTo(user, d => d.AddresseeUnitCode)
                .GroupBy(d => new { Decided = window.BucketOf(d.DecidedAt), d.Kind })
                .Select(g => new DecisionBucket(g.Key.Decided, g.Key.Kind, g.Count())))
            .ToListAsync(cancellationToken);
        return (hazards, decisions);
    }

    /// <summary>
    /// Users the tallies serve (all-seeing, one department, one district): the months the database keeps with every
    /// hazard change (<see cref="HazardMonthTally"/>), a few rows per district and unit, instead of every hazard's dates.
    /// </summary>
    private async Task<List<HazardMonth>> ReadTalliesAsync(HazardTallyScope scope, CancellationToken cancellationToken) =>
        await scope.Filter(db.Set<HazardMonthTally>().AsNoTracking())
            .GroupBy(t => t.Month)
            .Select(g => new HazardMonth(g.Key, g.Sum(t => t.Reported), g.Sum(t => t.Closed)))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Other users (an enterprise, several roles at once) see few hazards: their report and close dates are bucketed by
    /// the database in the window's months; dates before it count as the month before, after it as the month after.
    /// </summary>
    private async Task<List<HazardMonth>> BucketHazardsAsync(MonthWindow window, CancellationToken cancellationToken)
    {
        var buckets = await window.Expand(db.Hazards.AsNoTracking().VisibleTo(user)
                .GroupBy(h => new { Reported = window.BucketOf(h.ReportedAt), Closed = window.BucketOf(h.ClosedAt, NoDate) })
                .Select(g => new HazardBucket(g.Key.Reported, g.Key.Closed, g.Count())))
            .ToListAsync(cancellationToken);
        int MonthOfBucket(int bucket) => window.First + bucket;
        return buckets.Select(b => new HazardMonth(MonthOfBucket(b.Reported), b.Count, 0))
            .Concat(buckets.Where(b => b.Closed != NoDate).Select(b => new HazardMonth(MonthOfBucket(b.Closed), 0, b.Count)))
            .ToList();
    }

    /// <summary>
    /// The month of the latest date from <paramref name="after"/> on among the hazards and decisions the user sees. Such
    /// dates are rare (a clock set wrong). The tallies know their months; otherwise, as SQLite cannot take MAX of or sort
    /// instants, the dates are read and compared here.
    /// </summary>
    private async Task<int> LatestMonthAsync(HazardTallyScope? scope, List<HazardMonth> counted, DateTimeOffset after, CancellationToken cancellationToken)
    {
        IEnumerable<DateTimeOffset> hazardDates = [];
        var latest = MonthOf(after);
        if (scope is not null)
        {
            latest = counted.Where(h => h.Reported != 0 || h.Closed != 0).Select(h => h.Month).Append(latest).Max();
        }
        else
        {
            var hazards = db.Hazards.AsNoTracking().VisibleTo(user);
            var reported = await hazards.Where(h => h.ReportedAt >= after).Select(h => h.ReportedAt).ToListAsync(cancellationToken);
            var closed = await hazards.Where(h => h.ClosedAt != null && h.ClosedAt >= after).Select(h => h.ClosedAt!.Value).ToListAsync(cancellationToken);
            hazardDates = reported.Concat(closed);
        }

        var decided = await db.Set<DecisionRecord>().AsNoTracking().VisibleTo(user, d => d.AddresseeUnitCode)
            .Where(d => d.DecidedAt >= after).Select(d => d.DecidedAt).ToListAsync(cancellationToken);
        return hazardDates.Concat(decided).Select(MonthOf).Append(latest).Max();
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
