using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Plan;
using WorkflowHub.Server.Tests.Decisions;

namespace WorkflowHub.Server.Tests.Pages;

/// <summary>
/// The dashboard's series over time, computed from stored dates: hazards seeded with known report and close dates on a
/// hand-moved clock, and a reminder taken by a real sweep. Its own server, so no other test's hazards or decisions count.
/// </summary>
public sealed class DashboardSeriesTests(DecisionsServer server) : IClassFixture<DecisionsServer>
{
    private const string FireUnit = "city-fire-rescue";

    [Fact]
    public async Task The_dashboard_series_come_from_the_hazards_dates_and_the_decisions_taken()
    {
        // April: one reported (closed in May); May: two reported (one of them overdue by now); June (now): a reminder.
        await SeedAsync("YH2020880001", reportedAt: Local(2020, 4, 5), closedAt: Local(2020, 5, 20));
        await SeedAsync("YH2020880002", reportedAt: Local(2020, 5, 3), closedAt: null);
        var overdue = await server.SeedOverdueHazardAsync("YH2020880003", FireUnit, overdueDays: 2);
        Assert.Equal(5, overdue.ReportedAt.ToOffset(TimeSpan.FromHours(8)).Month);
        await DecisionApi.SweepAsync(server);

        var office = await server.ClientForAsync("office");
        var html = await office.GetStringAsync("/");

        Assert.Matches(RectificationRow("2020-04", reportedToDate: 1, closedToDate: 0), html);
        Assert.Matches(RectificationRow("2020-05", reportedToDate: 3, closedToDate: 1), html);
        Assert.Matches(RectificationRow("2020-06", reportedToDate: 3, closedToDate: 1), html);
        Assert.DoesNotMatch("data-month=\"2020-03\"", html);
        Assert.DoesNotMatch("data-month=\"2020-07\"", html);
        Assert.Contains("data-testid=\"chart-rectification\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"chart-decisions\"", html, StringComparison.Ordinal);
        // The decisions table lists only months with decisions: June, with the sweep's reminder.
        Assert.Matches(new Regex("<tr data-month=\"2020-06\">\\s*<td>2020-06</td>[\\s\\S]*?<td class=\"wh-num\" data-kind=\"Reminder\">1</td>"), html);
        Assert.DoesNotMatch("<tr data-month=\"2020-05\">", html);
    }

    private static Regex RectificationRow(string month, int reportedToDate, int closedToDate) =>
        new($"<tr data-month=\"{month}\" data-reported-to-date=\"{reportedToDate}\" data-closed-to-date=\"{closedToDate}\">");

    private static DateTimeOffset Local(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.FromHours(8));

    private Task<int> SeedAsync(string number, DateTimeOffset reportedAt, DateTimeOffset? closedAt) =>
        server.WithDbAsync(async db =>
        {
            var area = await db.Areas.AsNoTracking().OrderBy(a => a.Code).FirstAsync();
            var district = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.District).OrderBy(u => u.Code).FirstAsync();
            db.Add(new Hazard
            {
                Id = Guid.NewGuid(),
                Number = number,
                Title = "配电箱未接地",
                Description = "车间配电箱外壳未接地，存在触电风险。",
                AreaCode = area.Code,
                DistrictCode = district.Code,
                ResponsibleUnitCode = FireUnit,
                Source = HazardSource.Inspection,
                FoundAt = reportedAt,
                Grade = HazardGrade.General,
                State = closedAt is null ? HazardState.Rectifying : HazardState.Closed,
                GradedAt = reportedAt.AddDays(1),
                // Far ahead, so only the seeded overdue hazard climbs the ladder.
                DueAt = new DateTimeOffset(2020, 12, 31, 0, 0, 0, TimeSpan.Zero),
                RectifiedAt = closedAt?.AddDays(-2),
                ClosedAt = closedAt,
                ReportedBy = "fire-officer",
                ReportedAt = reportedAt,
            });
            return await db.SaveChangesAsync();
        });
}
