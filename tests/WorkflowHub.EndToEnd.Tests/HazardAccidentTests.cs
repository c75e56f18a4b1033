using System.Globalization;
using WorkflowHub.EndToEnd.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WorkflowHub.EndToEnd.Tests;

/// <summary>Linking a hazard to an accident on its file (关联事故) and seeing the judicial referral (移交司法) it brings.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HazardAccidentTests(BrowserServer server)
{
    [BrowserFact]
    public async Task The_responsible_department_links_a_hazard_to_an_accident_and_sees_the_judicial_referral()
    {
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        await using var fire = await server.OpenAsync();
        var page = fire.Page;
        await fire.SignInAsync("fire-officer");
        var (id, number, _) = await ApiCalls.ReportFireHazardAsync(page, "E2E 关联事故 仓库防火门常闭失效");

        // An auditor reads the file but is offered no form.
        await using (var auditor = await server.OpenAsync())
        {
            await auditor.SignInAsync("auditor");
            await auditor.Page.GotoAsync($"/hazards/{id}");
            await Expect(auditor.Page.Locator("[data-testid=hazard-number]")).ToHaveTextAsync(number);
            await Expect(auditor.Page.Locator("[data-testid=accident-form]")).ToHaveCountAsync(0);
        }

        await page.GotoAsync($"/hazards/{id}");
        await page.Locator("[data-testid=accident-toggle] summary").ClickAsync();

        // The server judges the form: a missing number and a day after today come back under their fields.
        await page.FillAsync("#Accident_Description", "二层仓库火灾，防火门未关闭致烟气蔓延。");
        await page.FillAsync("#Accident_Date", today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=accident-submit]").ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Accident.Reference']")).ToHaveTextAsync("此项为必填项。");
        await Expect(page.Locator("[data-valmsg-for='Accident.Date']")).ToHaveTextAsync("事故发生日期不能晚于今天。");
        await Expect(page.Locator("#Accident_Description")).ToHaveValueAsync("二层仓库火灾，防火门未关闭致烟气蔓延。");

        await page.FillAsync("#Accident_Reference", "哈应急事调〔2026〕E2E号");
        await page.FillAsync("#Accident_Date", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=accident-submit]").ClickAsync();

        await Expect(page.Locator("[data-testid=accident-reference]")).ToHaveTextAsync("哈应急事调〔2026〕E2E号");
        await Expect(page.Locator("[data-testid=accident-date]")).ToHaveTextAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Expect(page.Locator("[data-testid=accident-referral]")).ToContainTextAsync("移交司法");
        await Expect(page.Locator("[data-testid=accident-referral]")).ToContainTextAsync($"隐患{number}与生产安全事故关联");
        await Expect(page.Locator("[data-testid=decisions]")).ToContainTextAsync("移交司法");
        await Expect(page.Locator("[data-testid=accident-form]")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "hazard-accident");
        Assert.Empty(fire.ScriptErrors);
    }
}
