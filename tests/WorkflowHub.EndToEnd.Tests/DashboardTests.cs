using WorkflowHub.EndToEnd.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WorkflowHub.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(BrowserServer server)
{
    [BrowserFact]
    public async Task The_dashboard_shows_the_four_phases_with_the_current_one_and_draws_its_charts_with_data()
    {
        await using var session = await server.OpenAsync();
        var page = session.Page;
        await session.SignInAsync("office");

        await Expect(page.Locator("[data-testid=phases] li")).ToHaveCountAsync(4);
        await Expect(page.Locator("[data-testid=phases] li[aria-current=step]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=stat-total]")).Not.ToHaveTextAsync("0");

        foreach (var chart in new[] { "chart-phases", "chart-area", "chart-district", "chart-targets" })
        {
            await Expect(page.Locator($"[data-testid={chart}] canvas").First).ToBeVisibleAsync();
        }

        // Every chart can also be read as a table.
        await page.Locator("[data-testid=by-area] summary").ClickAsync();
        await Expect(page.Locator("[data-testid=by-area] table tbody tr").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "dashboard");
        Assert.Empty(session.ScriptErrors);
    }
}
