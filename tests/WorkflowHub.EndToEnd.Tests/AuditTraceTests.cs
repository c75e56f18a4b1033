using System.Text.RegularExpressions;
using WorkflowHub.EndToEnd.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WorkflowHub.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AuditTraceTests(BrowserServer server)
{
    [BrowserFact]
    public async Task An_auditor_finds_a_decision_by_kind_opens_it_sees_its_rule_thresholds_and_facts_and_replays_it()
    {
        await SweepAsync(server);

        await using var session = await server.OpenAsync();
        var page = session.Page;
        await session.SignInAsync("auditor");
        await page.Locator("[data-testid=main-menu] a[href='/decisions']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/decisions$"));
        var rows = page.Locator("[data-testid=decisions] tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "decisions");

        // Search by the kind of the newest decision: the results (swapped in by htmx) all have that kind.
        var kind = await rows.First.GetAttributeAsync("data-kind");
        await page.SelectOptionAsync("#kind", kind!);
        await page.Locator("[data-testid=decision-search]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"kind={kind}"));
        await Expect(rows.First).ToBeVisibleAsync();
        var kinds = await page.Locator("[data-testid=decisions] tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.kind)");
        Assert.NotEmpty(kinds);
        Assert.All(kinds, k => Assert.Equal(kind, k));

        var decisionId = await rows.First.GetAttributeAsync("data-decision-id");
        await rows.First.Locator("td a").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/decisions/{decisionId}$"));

        await Expect(page.Locator("[data-testid=decision-reason]")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("[data-testid=rule-description-zh]")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("[data-testid=rule-description-en]")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("[data-testid=decision-thresholds]")).ToContainTextAsync("v");
        // The facts as they were: the matched facts as tables with at least one row of values.
        var facts = page.Locator("[data-testid=decision-facts] > div [data-testid=fact-table] tbody tr");
        Assert.True(await facts.CountAsync() > 0, "the decision shows the facts it matched");
        await Expect(page.Locator("[data-testid=decision-facts] [data-testid=fact-table] td").First).Not.ToBeEmptyAsync();

        await page.Locator("[data-testid=replay-button]").ClickAsync();
        var replay = page.Locator("[data-testid=replay-result]");
        await Expect(replay).ToBeVisibleAsync();
        await Expect(replay).ToHaveAttributeAsync("data-same", "true");
        await Expect(replay).ToContainTextAsync("重放结果一致");
        await Screenshots.SaveAsync(page, "decision");
        Assert.Empty(session.ScriptErrors);
    }

    [BrowserFact]
    public async Task A_department_officer_sees_no_audit_menu_and_is_refused_the_audit_trace()
    {
        await using var session = await server.OpenAsync();
        var page = session.Page;
        await session.SignInAsync("fire-officer");

        await Expect(page.Locator("[data-testid=main-menu]")).Not.ToContainTextAsync("决策追溯");
        await Expect(page.Locator("[data-testid=main-menu] a[href='/rules']")).ToHaveCountAsync(0);
        await page.GotoAsync("/decisions");
        await Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Decisions come from the rules, never from test data: an admin runs the daily sweep now over the demo hazards,
    /// some of which are overdue on today's clock. A second sweep the same day adds nothing, so tests may run it in any order.
    /// </summary>
    internal static async Task SweepAsync(BrowserServer server)
    {
        await using var admin = await server.OpenAsync();
        await admin.SignInAsync("admin");
        await ApiCalls.PostJsonAsync(admin.Page, "/api/decisions/sweep", new { });
        var decisions = await ApiCalls.GetJsonAsync(admin.Page, "/api/decisions?take=1");
        Assert.True(decisions.GetProperty("total").GetInt32() > 0, "the sweep over the demo hazards decided something");
    }
}
