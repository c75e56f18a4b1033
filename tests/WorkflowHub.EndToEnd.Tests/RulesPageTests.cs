using System.Text.RegularExpressions;
using WorkflowHub.EndToEnd.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WorkflowHub.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed class RulesPageTests(BrowserServer server)
{
    private const string Key = "department.interviewWindowDays";

    [BrowserFact]
    public async Task An_admin_is_refused_a_bad_threshold_at_its_field_then_saves_a_new_policy_version_listed_in_the_history()
    {
        await using var session = await server.OpenAsync();
        var page = session.Page;
        await session.SignInAsync("admin");
        await page.Locator("[data-testid=main-menu] a[href='/rules']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/rules$"));

        await Expect(page.Locator("[data-testid=rule-catalogue] tbody tr").First).ToBeVisibleAsync();
        Assert.True(await page.Locator("[data-testid=rule-catalogue] tbody tr").CountAsync() >= 10, "every rule of the ladder is listed");
        var versionsBefore = await page.Locator("[data-testid=policy-versions] tr[data-version]").CountAsync();
        var row = page.Locator($"[data-testid=thresholds] tr[data-key='{Key}']");
        var input = row.Locator("input");
        var original = await input.InputValueAsync();

        // A negative number of days is refused by the server, named at its field; nothing is stored.
        await input.FillAsync("-5");
        await page.Locator("[data-testid=save-policy]").ClickAsync();
        await Expect(page.Locator("[data-testid=policy-refused]")).ToBeVisibleAsync();
        await Expect(row.Locator("[data-testid=field-error]")).ToContainTextAsync("天数");
        await Expect(row.Locator("input")).ToHaveValueAsync("-5");
        await Expect(page.Locator("[data-testid=policy-versions] tr[data-version]")).ToHaveCountAsync(versionsBefore);

        await row.Locator("input").FillAsync("400");
        await page.FillAsync("#comment", "E2E：延长约谈统计窗口");
        await page.Locator("[data-testid=save-policy]").ClickAsync();
        await Expect(page.Locator("[data-testid=policy-saved]")).ToBeVisibleAsync();
        var newest = page.Locator("[data-testid=policy-versions] tr[data-version]").First;
        await Expect(page.Locator("[data-testid=policy-versions] tr[data-version]")).ToHaveCountAsync(versionsBefore + 1);
        await Expect(newest).ToContainTextAsync("admin");
        await Expect(newest).ToContainTextAsync($"{Key} = 400");
        await Expect(newest).ToContainTextAsync("E2E：延长约谈统计窗口");
        await Expect(page.Locator($"[data-testid=thresholds] tr[data-key='{Key}'] input")).ToHaveValueAsync("400");
        var policy = await ApiCalls.GetJsonAsync(page, "/api/rules/policy");
        Assert.Equal(400m, policy.GetProperty("policy").GetProperty("department").GetProperty("interviewWindowDays").GetDecimal());
        await Screenshots.SaveAsync(page, "rules");

        // Put the threshold back for the other tests sharing this server (a further version, as any change is).
        await page.Locator($"[data-testid=thresholds] tr[data-key='{Key}'] input").FillAsync(original);
        await page.Locator("[data-testid=save-policy]").ClickAsync();
        await Expect(page.Locator("[data-testid=policy-versions] tr[data-version]")).ToHaveCountAsync(versionsBefore + 2);
        Assert.Empty(session.ScriptErrors);
    }

    [BrowserFact]
    public async Task An_auditor_reads_the_catalogue_and_thresholds_but_cannot_edit_them()
    {
        await using var session = await server.OpenAsync();
        var page = session.Page;
        await session.SignInAsync("auditor");
        await page.GotoAsync("/rules");

        await Expect(page.Locator("[data-testid=rule-catalogue] tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator($"[data-testid=thresholds] tr[data-key='{Key}'] input")).ToHaveAttributeAsync("readonly", "readonly");
        await Expect(page.Locator("[data-testid=save-policy]")).ToHaveCountAsync(0);
    }
}
