using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Hazards.Tallies;
using WorkflowHub.Engine;
using WorkflowHub.Server.Tests.Infrastructure;
using WorkflowHub.Testing.PostgreSql;
using static WorkflowHub.Server.Tests.Hazards.HazardApi;

namespace WorkflowHub.Server.Tests.Hazards;

/// <summary>
/// The hazard tallies the overview and the registry read (kept by database triggers) equal a recount of the hazards
/// after every kind of change, on each provider: the generated demo hazards (the migration's backfill and the
/// triggers on insert), a report, grading, a plan, rectification, a send-back, acceptance and closing, an accident link,
/// a reassignment to another area, district and unit, dates moved, and a deletion.
/// </summary>
public sealed class HazardTallyTests
{
    [Fact]
    public Task On_sqlite_the_tallies_equal_a_recount_after_every_kind_of_hazard_change() => RunAsync(null);

    [PostgreSqlFact]
    public Task On_postgresql_the_tallies_equal_a_recount_after_every_kind_of_hazard_change() =>
        ProviderServers.OnNewPostgreSqlDatabaseAsync(RunAsync);

    private static Task RunAsync(string? postgreSql) =>
        ProviderServers.RunAsync(postgreSql, new Dictionary<string, string?> { ["Demo:Hazards"] = "12" }, RunChangesAsync);

    private static async Task RunChangesAsync(WorkflowHubFactory factory)
    {
        var officer = await factory.CreateClientForAsync("fire-officer");
        var enterprise = await factory.CreateClientForAsync("enterprise-demo");
        Assert.True(await factory.WithDbAsync(db => db.Hazards.CountAsync()) >= 12, "the demo hazards were generated");
        await AssertTalliesEqualARecountAsync(factory, "demo hazards");

        var reported = await ReportAsync(officer, "消防通道堵塞", FireArea);
        var id = reported.GetProperty("id").GetString()!;
        var number = reported.GetProperty("number").GetString()!;
        await AssertTalliesEqualARecountAsync(factory, "report");

        await CompleteAsync(officer, number, "Task_GradeHazard", Grading("general"));
        await AssertTalliesEqualARecountAsync(factory, "grade");
        await CompleteAsync(enterprise, number, "Task_SubmitPlan", Plan());
        await AssertTalliesEqualARecountAsync(factory, "plan");
        await CompleteAsync(enterprise, number, "Task_Rectify", Rectification());
        await AssertTalliesEqualARecountAsync(factory, "rectify");
        var acceptance = CurrentTaskElements(await GetFileAsync(officer, id)).Single(e => e.StartsWith("Task_Accept", StringComparison.Ordinal));
        await CompleteAsync(officer, number, acceptance, Acceptance(false));
        Assert.Equal("Rectifying", State(await GetFileAsync(officer, id)));
        await AssertTalliesEqualARecountAsync(factory, "send back");
        await CompleteAsync(enterprise, number, "Task_Rectify", Rectification());
        await CompleteAsync(officer, number, acceptance, Acceptance(true));
        await AssertTalliesEqualARecountAsync(factory, "accept");
        var engine = factory.Services.GetRequiredService<IWorkflowEngine>();
        for (var round = 0; round < 20 && await engine.ExecuteDueJobsAsync("tally-tests", 50) > 0; round++)
        {
        }

        var file = await GetFileAsync(officer, id);
        Assert.Equal("Closed", State(file));
        await AssertTalliesEqualARecountAsync(factory, "close");

        // The city is at UTC+8; the accident happened today there.
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var link = await officer.PostAsJsonAsync($"/api/hazards/{id}/accident", new
        {
            accidentReference = "哈应急事调〔2026〕1号",
            accidentDate = today,
            description = "仓库火灾，调查认定与该隐患整改不实有关。",
            version = file.GetProperty("hazard").GetProperty("version").GetInt64(),
        });
        Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        await AssertTalliesEqualARecountAsync(factory, "accident link");

        // No command moves a hazard to another area, district or unit yet; the triggers must follow such a change anyway.
        await factory.WithDbAsync(async db =>
        {
            var open = await db.Hazards.FirstAsync(h => h.State != HazardState.Closed && h.DueAt != null);
            var other = await db.Hazards.FirstAsync(h => h.AreaCode != open.AreaCode && h.DistrictCode != open.DistrictCode && h.ResponsibleUnitCode != open.ResponsibleUnitCode);
            (open.AreaCode, open.DistrictCode, open.ResponsibleUnitCode) = (other.AreaCode, other.DistrictCode, other.ResponsibleUnitCode);
            return await db.SaveChangesAsync();
        });
        await AssertTalliesEqualARecountAsync(factory, "reassign");

        await factory.WithDbAsync(async db =>
        {
            var closed = await db.Hazards.SingleAsync(h => h.Number == number);
            closed.ReportedAt = closed.ReportedAt.AddMonths(-3);
            closed.ClosedAt = closed.ClosedAt!.Value.AddMonths(-1);
            // One deadline long past (a due span before the current one), one a minute ago (most likely the current span).
            var open = await db.Hazards.Where(h => h.State != HazardState.Closed && h.DueAt != null).Take(2).ToListAsync();
            open[0].DueAt = DateTimeOffset.UtcNow.AddDays(-40);
            open[0].State = HazardState.AwaitingAcceptance;
            open[1].DueAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            return await db.SaveChangesAsync();
        });
        await AssertTalliesEqualARecountAsync(factory, "dates moved");

        await factory.WithDbAsync(async db =>
        {
            var hazard = await db.Hazards.FirstAsync(h => h.State != HazardState.Closed && h.DueAt != null && h.Number != number);
            await db.HazardEvidence.Where(e => e.HazardId == hazard.Id).ExecuteDeleteAsync();
            db.Hazards.Remove(hazard);
            return await db.SaveChangesAsync();
        });
        await AssertTalliesEqualARecountAsync(factory, "delete");

        // What the readers make of the tallies on this provider: the overview's and the registry's counts are a recount's.
        var admin = await factory.CreateClientForAsync("admin");
        var totals = (await admin.GetFromJsonAsync<JsonElement>("/api/campaign/overview")).GetProperty("hazards");
        var registry = await admin.GetFromJsonAsync<JsonElement>("/api/hazards?overdue=true&pageSize=500");
        var now = DateTimeOffset.UtcNow;
        var hazards = await factory.WithDbAsync(db => db.Hazards.AsNoTracking().ToListAsync());
        var overdue = hazards.Count(h => HazardRules.IsOverdue(h, now));
        Assert.True(overdue > 0, "the hazard whose deadline was moved back is overdue");
        Assert.Equal(hazards.Count, totals.GetProperty("total").GetInt32());
        Assert.Equal(hazards.Count(h => h.State == HazardState.Closed), totals.GetProperty("closed").GetInt32());
        Assert.Equal(overdue, totals.GetProperty("overdue").GetInt32());
        Assert.Equal(overdue, registry.GetProperty("totalCount").GetInt32());
        Assert.Equal(
            hazards.Where(h => HazardRules.IsOverdue(h, now)).Select(h => h.Number).Order(StringComparer.Ordinal),
            registry.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()!).Order(StringComparer.Ordinal));
    }

    /// <summary>Every tally row that is not zero, and no other, is what grouping the hazards gives.</summary>
    private static async Task AssertTalliesEqualARecountAsync(WorkflowHubFactory factory, string step) =>
        await factory.WithDbAsync(async db =>
        {
            var hazards = await db.Hazards.AsNoTracking().ToListAsync();
            Assert.NotEmpty(hazards);

            var expected = hazards
                .GroupBy(h => $"{h.AreaCode}|{h.DistrictCode}|{h.ResponsibleUnitCode}|{h.State}|{h.Grade}")
                .Select(g => $"{g.Key}={g.Count()}");
            var tallies = await db.Set<HazardTally>().AsNoTracking().ToListAsync();
            Assert.All(tallies, t => Assert.True(t.Count >= 0, $"{step}: negative tally"));
            var actual = tallies.Where(t => t.Count != 0).Select(t => $"{t.AreaCode}|{t.DistrictCode}|{t.ResponsibleUnitCode}|{t.State}|{t.Grade}={t.Count}");
            AssertSame(step + ", tallies", expected, actual);

            var expectedMonths = hazards.Select(h => (h.DistrictCode, h.ResponsibleUnitCode, Month: HazardTallies.MonthOf(h.ReportedAt), Reported: 1, Closed: 0))
                .Concat(hazards.Where(h => h.ClosedAt != null).Select(h => (h.DistrictCode, h.ResponsibleUnitCode, Month: HazardTallies.MonthOf(h.ClosedAt!.Value), Reported: 0, Closed: 1)))
                .GroupBy(m => $"{m.DistrictCode}|{m.ResponsibleUnitCode}|{m.Month}")
                .Select(g => $"{g.Key}={g.Sum(m => m.Reported)}/{g.Sum(m => m.Closed)}");
            var months = await db.Set<HazardMonthTally>().AsNoTracking().ToListAsync();
            Assert.All(months, m => Assert.True(m.Reported >= 0 && m.Closed >= 0, $"{step}: negative month tally"));
            var actualMonths = months.Where(m => m.Reported != 0 || m.Closed != 0).Select(m => $"{m.DistrictCode}|{m.ResponsibleUnitCode}|{m.Month}={m.Reported}/{m.Closed}");
            AssertSame(step + ", month tallies", expectedMonths, actualMonths);

            var expectedDue = hazards.Where(h => h.State != HazardState.Closed && h.DueAt != null)
                .GroupBy(h => $"{h.AreaCode}|{h.DistrictCode}|{h.ResponsibleUnitCode}|{HazardTallies.DueSpanOf(h.DueAt!.Value)}")
                .Select(g => $"{g.Key}={g.Count()}");
            var due = await db.Set<HazardDueTally>().AsNoTracking().ToListAsync();
            Assert.All(due, d => Assert.True(d.Count >= 0, $"{step}: negative due tally"));
            var actualDue = due.Where(d => d.Count != 0).Select(d => $"{d.AreaCode}|{d.DistrictCode}|{d.ResponsibleUnitCode}|{d.DueSpan}={d.Count}");
            AssertSame(step + ", due tallies", expectedDue, actualDue);
            return true;
        });

    private static void AssertSame(string what, IEnumerable<string> expected, IEnumerable<string> actual)
    {
        var want = expected.Order(StringComparer.Ordinal).ToList();
        var got = actual.Order(StringComparer.Ordinal).ToList();
        Assert.True(want.SequenceEqual(got), $"{what}:\nexpected\n  {string.Join("\n  ", want)}\nactual\n  {string.Join("\n  ", got)}");
    }
}
