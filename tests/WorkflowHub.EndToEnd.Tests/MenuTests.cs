using WorkflowHub.EndToEnd.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WorkflowHub.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed class MenuTests(BrowserServer server)
{
    [BrowserFact]
    public async Task An_auditor_sees_no_designer_menu_and_is_refused_the_designer_page()
    {
        await using var session = await server.OpenAsync();
        var page = session.Page;
        await session.SignInAsync("auditor");

        var menu = page.Locator("[data-testid=main-menu]");
        await Expect(menu).ToContainTextAsync("总览");
        await Expect(menu).Not.ToContainTextAsync("流程设计");
        await Expect(page.Locator("[data-testid=user-role]")).ToHaveTextAsync("审计监察");

        await page.GotoAsync("/designer");
        await Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task An_admin_sees_the_designer_menu()
    {
        await using var session = await server.OpenAsync();
        await session.SignInAsync("admin");

        await Expect(session.Page.Locator("[data-testid=main-menu] a[href='/designer']")).ToHaveTextAsync("流程设计");
    }
}
