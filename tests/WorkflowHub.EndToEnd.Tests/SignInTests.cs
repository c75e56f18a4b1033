using Microsoft.Playwright;
using WorkflowHub.EndToEnd.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WorkflowHub.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserServer server)
{
    [BrowserFact]
    public async Task A_wrong_password_is_refused_and_the_right_one_shows_the_user_unit_and_role()
    {
        await using var session = await server.OpenAsync();
        var page = session.Page;

        // A page that needs sign-in sends the browser to the login page.
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await Screenshots.SaveAsync(page, "login");

        await page.FillAsync("#userName", "fire-officer");
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("[data-testid=login-submit]");
        await Expect(page.Locator("[data-testid=login-error]")).ToContainTextAsync("用户名或密码错误");
        await Expect(page.Locator("[data-testid=user-badge]")).ToHaveCountAsync(0);

        await page.FillAsync("#password", TestServerFactory.DemoPassword);
        await page.ClickAsync("[data-testid=login-submit]");

        await Expect(page.Locator("[data-testid=user-name]")).ToHaveTextAsync("消防支队经办人");
        await Expect(page.Locator("[data-testid=user-unit]")).ToContainTextAsync("消防");
        await Expect(page.Locator("[data-testid=user-role]")).ToHaveTextAsync("部门经办人");
        await Expect(page.Locator("h1")).ToHaveTextAsync("专项整治总览");
    }

    [BrowserFact]
    public async Task Signing_out_returns_to_the_login_page()
    {
        await using var session = await server.OpenAsync();
        await session.SignInAsync("office");

        await session.Page.ClickAsync("[data-testid=sign-out]");

        await Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login$"));
        await session.Page.GotoAsync("/");
        await Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
    }
}
