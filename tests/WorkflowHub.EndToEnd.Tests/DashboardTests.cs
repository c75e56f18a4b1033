using WorkflowHub.EndToEnd.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WorkflowHub.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(BrowserServer server)
{
    [BrowserFact]
    public async Task The_dashboard_shows_the_four_phases_with_the_current_one_and_draws_its_charts_with_data()
    {
        // Decisions by kind over time need decisions: the admin runs the sweep over the demo hazards first.
        await AuditTraceTests.SweepAsync(server);

        await using var session = await server.OpenAsync();
        var page = session.Page;
        await session.SignInAsync("office");

        await Expect(page.Locator("[data-testid=phases] li")).ToHaveCountAsync(4);
        await Expect(page.Locator("[data-testid=phases] li[aria-current=step]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=stat-total]")).Not.ToHaveTextAsync("0");

        foreach (var chart in new[] { "chart-phases", "chart-area", "chart-district", "chart-targets", "chart-rectification", "chart-decisions" })
        {
            await Expect(page.Locator($"[data-testid={chart}] canvas").First).ToBeVisibleAsync();
        }

        // ECharts animates its first drawing; the screenshot (shown in the README) waits for it to settle.
        await page.WaitForTimeoutAsync(1200);
        await Screenshots.SaveAsync(page, "dashboard");

        // Every chart can also be read as a table.
        await page.Locator("[data-testid=by-area] summary").ClickAsync();
        await Expect(page.Locator("[data-testid=by-area] table tbody tr").First).ToBeVisibleAsync();
        foreach (var section in new[] { "by-district", "targets", "rectification-trend", "decision-trend" })
        {
            await page.Locator($"[data-testid={section}] summary").ClickAsync();
            Assert.True(await page.Locator($"[data-testid={section}] table tbody tr").CountAsync() > 0, $"the {section} table has rows");
        }

        // The series are computed from the hazards' dates: at the current month's end the rate is the overall one.
        var lastRate = await page.Locator("[data-testid=rectification-trend] table tbody tr").Last.Locator("td").Last.TextContentAsync();
        await Expect(page.Locator("[data-testid=stat-rate]")).ToHaveTextAsync(lastRate!);
        Assert.Empty(session.ScriptErrors);
    }
}
