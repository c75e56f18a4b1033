using System.Text.RegularExpressions;
using WorkflowHub.EndToEnd.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WorkflowHub.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed class DesignerTests(BrowserServer server)
{
    private const string Key = "accountability-referral";
    private const string TaskId = "Task_PrepareDossier";

    [BrowserFact]
    public async Task An_admin_changes_a_due_date_in_the_properties_panel_and_publishes_a_new_version()
    {
        await using var session = await server.OpenAsync();
        var page = session.Page;
        await session.SignInAsync("admin");

        await page.GotoAsync("/designer");
        await Screenshots.SaveAsync(page, "designer-list");
        await page.Locator($"[data-testid=definitions] tr[data-key='{Key}'] a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/designer/{Key}$"));

        // The URL changes when the navigation commits, before the new page is parsed: wait for its versions table.
        var versions = page.Locator("[data-testid=versions] tr[data-version]");
        await Expect(versions.First).ToBeVisibleAsync();
        var versionsBefore = await versions.CountAsync();

        // Select the user task on the canvas; the properties panel shows its Camunda attributes.
        var shape = page.Locator($".djs-element[data-element-id='{TaskId}']").First;
        await Expect(shape).ToBeVisibleAsync();
        await shape.ClickAsync();
        var dueDate = page.Locator("#bio-properties-panel-dueDate");
        if (!await dueDate.IsVisibleAsync())
        {
            await page.Locator("[data-group-id='group-CamundaPlatform__UserAssignment'] .bio-properties-panel-group-header").ClickAsync();
        }

        await Expect(dueDate).ToHaveValueAsync("P10D");
        await dueDate.FillAsync("P12D");
        await dueDate.PressAsync("Tab");

        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        var newVersion = versionsBefore + 1;
        await Expect(page.Locator(".wh-designer-messages")).ToContainTextAsync($"版本 {newVersion}");

        // The engine now runs the new version, with the due date changed.
        var xml = await (await page.APIRequest.GetAsync($"/api/definitions/{Key}/xml")).TextAsync();
        Assert.Contains("camunda:dueDate=\"P12D\"", xml, StringComparison.Ordinal);

        await page.Locator("[data-testid=refresh-versions]").ClickAsync();
        await Expect(page.Locator($"[data-testid=versions] tr[data-version='{newVersion}']")).ToBeVisibleAsync();
        await Expect(versions).ToHaveCountAsync(newVersion);
        await Screenshots.SaveAsync(page, "designer");
        Assert.Empty(session.ScriptErrors);
    }
}
