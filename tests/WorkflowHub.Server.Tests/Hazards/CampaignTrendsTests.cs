using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Decisions;
using WorkflowHub.Campaign.Features.Overview;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Rules.Decisions;
using WorkflowHub.Server.Tests.Infrastructure;

namespace WorkflowHub.Server.Tests.Hazards;

/// <summary>
/// The trends are counted by the database in month buckets; they must equal the months counted one date at a time in
/// memory (the reference below, the handler's former code), for an all-seeing user, a department and a district, with
/// dates before the 36-month window, on the city's month boundaries (UTC+8) and after the current month.
/// </summary>
public sealed class CampaignTrendsTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The city's calendar (UTC+8), in which the trends' months run.</summary>
    private static readonly TimeSpan CityOffset = TimeSpan.FromHours(8);
    private readonly WorkflowHubFactory _factory = new();
    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _server;

    public CampaignTrendsTests()
    {
        // No sweep or job runs meanwhile: the test writes the dates and decisions it counts.
        _server = _factory.WithWebHostBuilder(builder => builder
            .UseSetting("Demo:Hazards", "48")
            .UseSetting("Decisions:SweepEnabled", "false")
            .UseSetting("Engine:JobExecutor:Enabled", "false"));
    }

    public void Dispose()
    {
        _server.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task The_counts_per_month_equal_those_counted_date_by_date_for_every_kind_of_user()
    {
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CampaignDbContext>();
        var hazards = await db.Hazards.OrderBy(h => h.Number).Select(h => new { h.Id, h.ResponsibleUnitCode, h.DistrictCode }).ToListAsync();
        Assert.True(hazards.Count >= 40, $"demo city made {hazards.Count} hazards");
        for (var i = 0; i < hazards.Count; i++)
        {
            var (reported, closed) = DatesOf(i);
            await db.Hazards.Where(h => h.Id == hazards[i].Id)
                .ExecuteUpdateAsync(set => set.SetProperty(h => h.ReportedAt, reported).SetProperty(h => h.ClosedAt, closed));
        }

        var department = hazards[0].ResponsibleUnitCode;
        var district = hazards[1].DistrictCode;
        await db.Set<DecisionRecord>().ExecuteDeleteAsync();
        for (var i = 0; i < 30; i++)
        {
            db.Add(Decision((DecisionKind)(i % Enum.GetValues<DecisionKind>().Length), i % 3 == 0 ? department : district, CityMonthStart(-(i * 2) + 1).AddHours(i)));
        }

        await db.SaveChangesAsync();

        foreach (var user in new[]
        {
            new User("admin", null, Roles.Admin),
            new User("department", department, Roles.DepartmentOfficer),
            new User("district", district, Roles.LocalGovernment),
        })
        {
            var expected = await ReferenceAsync(db, user);
            var actual = await new GetCampaignTrendsHandler(db, user, new FixedTime(Now)).Handle(new GetCampaignTrends(), CancellationToken.None);

            Assert.Equal(expected.Months, actual.Months);
            Assert.Equal(expected.Rectification, actual.Rectification);
            Assert.Equal(expected.DecisionsByKind.Select(k => k.Kind), actual.DecisionsByKind.Select(k => k.Kind));
            foreach (var (want, got) in expected.DecisionsByKind.Zip(actual.DecisionsByKind))
            {
                Assert.Equal(want.Counts, got.Counts);
            }

            Assert.True(actual.Rectification.Sum(p => p.Reported) > 0, $"{user.UserName} sees no hazard reported in the window");
        }

        // A hazard reported two months from now stretches the series to that month, as the reference does.
        var admin = new User("admin", null, Roles.Admin);
        var trends = await new GetCampaignTrendsHandler(db, admin, new FixedTime(Now)).Handle(new GetCampaignTrends(), CancellationToken.None);
        Assert.Equal("2027-01", trends.Months[^1]);
        Assert.Equal(GetCampaignTrends.MaxMonths, trends.Months.Count);
    }

    /// <summary>
    /// Spread over 45 months back and two ahead; some exactly at the city's midnight starting a month, some a moment
    /// before it (still the previous month in the city, the same day in UTC); every third closed, one in the future.
    /// </summary>
    private static (DateTimeOffset Reported, DateTimeOffset? Closed) DatesOf(int i)
    {
        var monthsBack = i == 5 ? -2 : i * 45 / 48;
        var start = CityMonthStart(-monthsBack);
        var reported = (i % 4) switch
        {
            0 => start,
            1 => start.AddTicks(-1),
            2 => start.AddDays(13).AddHours(7),
            _ => start.AddDays(27),
        };
        DateTimeOffset? closed = (i % 3) switch
        {
            0 => reported.AddDays(i % 5 * 20),
            _ when i == 7 => CityMonthStart(2).AddDays(3),
            _ => null,
        };
        return (reported, closed);
    }

    /// <summary>Midnight in the city on the first of the month <paramref name="monthsFromNow"/> from now's month, in UTC.</summary>
    private static DateTimeOffset CityMonthStart(int monthsFromNow)
    {
        var local = Now.ToOffset(CityOffset);
        var month = new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, CityOffset).AddMonths(monthsFromNow);
        return month.ToUniversalTime();
    }

    private static DecisionRecord Decision(DecisionKind kind, string unit, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(),
        Kind = kind,
        SubjectType = SubjectType.Hazard,
        SubjectId = Guid.NewGuid().ToString(),
        SubjectLabel = "YH-trend",
        AddresseeUnitCode = unit,
        RuleName = "trend-test",
        RuleSetVersion = "1",
        PolicyHash = "test",
        ReasonZh = "测试",
        ReasonEn = "test",
        DecidedAt = at,
        SnapshotJson = "{}",
    };

    /// <summary>The handler's former code: every date loaded and put in its month in memory.</summary>
    private static async Task<CampaignTrends> ReferenceAsync(CampaignDbContext db, ICurrentUser user)
    {
        var hazards = await db.Hazards.AsNoTracking().VisibleTo(user).Select(h => new { h.ReportedAt, h.ClosedAt }).ToListAsync();
        var decisions = await db.Set<DecisionRecord>().AsNoTracking().VisibleTo(user, d => d.AddresseeUnitCode).Select(d => new { d.DecidedAt, d.Kind }).ToListAsync();
        var reported = hazards.Select(h => MonthOf(h.ReportedAt)).ToList();
        var closed = hazards.Where(h => h.ClosedAt is not null).Select(h => MonthOf(h.ClosedAt!.Value)).ToList();
        var decided = decisions.Select(d => (Month: MonthOf(d.DecidedAt), d.Kind)).ToList();
        var withData = reported.Concat(closed).Concat(decided.Select(d => d.Month)).ToList();
        if (withData.Count == 0)
        {
            return new CampaignTrends([], [], []);
        }

        var last = Math.Max(MonthOf(Now), withData.Max());
        var first = Math.Max(withData.Min(), last - GetCampaignTrends.MaxMonths + 1);
        var months = Enumerable.Range(first, last - first + 1).ToList();
        var reportedToDate = reported.Count(m => m < first);
        var closedToDate = closed.Count(m => m < first);
        var points = new List<RectificationPoint>();
        foreach (var month in months)
        {
            var reportedIn = reported.Count(m => m == month);
            var closedIn = closed.Count(m => m == month);
            reportedToDate += reportedIn;
            closedToDate += closedIn;
            points.Add(new RectificationPoint(Label(month), reportedIn, closedIn, reportedToDate, closedToDate, reportedToDate == 0 ? 0m : Math.Round((decimal)closedToDate / reportedToDate, 4)));
        }

        var kinds = Enum.GetValues<DecisionKind>()
            .Where(kind => decided.Any(d => d.Kind == kind && d.Month >= first))
            .Select(kind => new DecisionKindSeries(kind, months.Select(m => decided.Count(d => d.Kind == kind && d.Month == m)).ToList()))
            .ToList();
        return new CampaignTrends(months.Select(Label).ToList(), points, kinds);
    }

    private static int MonthOf(DateTimeOffset instant)
    {
        var date = DateOnly.FromDateTime(instant.ToOffset(CityOffset).DateTime);
        return (date.Year * 12) + date.Month - 1;
    }

    private static string Label(int month) => FormattableString.Invariant($"{month / 12:D4}-{(month % 12) + 1:D2}");

    private sealed record User(string UserName, string? OrgUnitCode, params string[] RoleNames) : ICurrentUser
    {
        public bool IsAuthenticated => true;
        public bool IsSystem => false;
        public string? UserId => UserName;
        string? ICurrentUser.UserName => UserName;
        string? ICurrentUser.OrgUnitCode => OrgUnitCode;
        public IReadOnlySet<string> Roles => RoleNames.ToHashSet();
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
