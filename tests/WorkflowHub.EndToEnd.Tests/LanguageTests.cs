using WorkflowHub.EndToEnd.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WorkflowHub.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed class LanguageTests(BrowserServer server)
{
    [BrowserFact]
    public async Task Chinese_is_the_default_and_the_switch_turns_the_pages_to_English_and_back()
    {
        await using var session = await server.OpenAsync();
        var page = session.Page;
        await session.SignInAsync("admin");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.Locator("h1")).ToHaveTextAsync("专项整治总览");
        await Expect(page.Locator("[data-testid=main-menu]")).ToContainTextAsync("流程设计");
        await Expect(page.Locator("[data-testid=user-role]")).ToHaveTextAsync("系统管理员");

        await page.ClickAsync("[data-testid=lang-en]");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Campaign dashboard");
        await Expect(page.Locator("[data-testid=main-menu]")).ToContainTextAsync("Designer");
        await Expect(page.Locator("[data-testid=user-role]")).ToHaveTextAsync("Administrator");
        await Screenshots.SaveAsync(page, "dashboard-en");

        // The choice is remembered on the next page.
        await page.GotoAsync("/designer");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await page.ClickAsync("[data-testid=lang-zh]");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.Locator("[data-testid=main-menu]")).ToContainTextAsync("流程设计");
    }
}
