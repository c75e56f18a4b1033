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
    public async ValueTask<CampaignTrends> Handle(GetCampaignTrends query, CancellationToken cancellationToken)
    {
        var hazards = await db.Hazards.AsNoTracking().VisibleTo(user)
            .Select(h => new { h.ReportedAt, h.ClosedAt })
            .ToListAsync(cancellationToken);
        var decisions = await db.Set<DecisionRecord>().AsNoTracking().VisibleTo(user, d => d.AddresseeUnitCode)
            .Select(d => new { d.DecidedAt, d.Kind })
            .ToListAsync(cancellationToken);

        var reported = hazards.Select(h => MonthOf(h.ReportedAt)).ToList();
        var closed = hazards.Where(h => h.ClosedAt is not null).Select(h => MonthOf(h.ClosedAt!.Value)).ToList();
        var decided = decisions.Select(d => (Month: MonthOf(d.DecidedAt), d.Kind)).ToList();
        var months = Months(reported.Concat(closed).Concat(decided.Select(d => d.Month)), MonthOf(timeProvider.GetUtcNow()));
        if (months.Count == 0)
        {
            return new CampaignTrends([], [], []);
        }

        var first = months[0];
        // Everything before the first month shown still counts towards the totals to date.
        var reportedToDate = reported.Count(m => m < first);
        var closedToDate = closed.Count(m => m < first);
        var reportedByMonth = reported.CountBy(m => m).ToDictionary();
        var closedByMonth = closed.CountBy(m => m).ToDictionary();
        var rectification = new List<RectificationPoint>(months.Count);
        foreach (var month in months)
        {
            var reportedIn = reportedByMonth.GetValueOrDefault(month);
            var closedIn = closedByMonth.GetValueOrDefault(month);
            reportedToDate += reportedIn;
            closedToDate += closedIn;
            var rate = reportedToDate == 0 ? 0m : Math.Round((decimal)closedToDate / reportedToDate, 4);
            rectification.Add(new RectificationPoint(Label(month), reportedIn, closedIn, reportedToDate, closedToDate, rate));
        }

        var byKind = decided.Where(d => d.Month >= first).ToLookup(d => d.Kind);
        var kinds = Enum.GetValues<DecisionKind>()
            .Where(kind => byKind[kind].Any())
            .Select(kind =>
            {
                var counts = byKind[kind].CountBy(d => d.Month).ToDictionary();
                return new DecisionKindSeries(kind, months.Select(m => counts.GetValueOrDefault(m)).ToList());
            })
            .ToList();

        return new CampaignTrends(months.Select(Label).ToList(), rectification, kinds);
    }

    /// <summary>A month as a number that sorts and steps: year × 12 + month − 1, in the city's calendar.</summary>
    private static int MonthOf(DateTimeOffset instant)
    {
        var date = ListExportContext.LocalDate(instant);
        return (date.Year * 12) + date.Month - 1;
    }

    private static string Label(int month) =>
        FormattableString.Invariant($"{month / 12:D4}-{(month % 12) + 1:D2}");

    /// <summary>From the earliest month with data to the current one (or the latest with data), the last <see cref="GetCampaignTrends.MaxMonths"/>.</summary>
    private static List<int> Months(IEnumerable<int> withData, int current)
    {
        var list = withData.ToList();
        if (list.Count == 0)
        {
            return [];
        }

        var last = Math.Max(current, list.Max());
        var first = Math.Max(list.Min(), last - GetCampaignTrends.MaxMonths + 1);
        return Enumerable.Range(first, last - first + 1).ToList();
    }
}
