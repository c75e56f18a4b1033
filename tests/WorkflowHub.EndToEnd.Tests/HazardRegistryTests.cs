using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WorkflowHub.EndToEnd.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WorkflowHub.EndToEnd.Tests;

/// <summary>The hazard registry in the browser: report, registry filters, import with per-row errors, the hazard's file.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HazardRegistryTests(BrowserServer server)
{
    [BrowserFact]
    public async Task A_hazard_reported_through_the_page_is_seen_in_the_inbox_of_the_responsible_department_only()
    {
        string number;
        await using (var office = await server.OpenAsync())
        {
            var page = office.Page;
            await office.SignInAsync("office");
            await page.GotoAsync("/hazards/report");
            // The server, not the browser, validates: an empty title comes back with its error under the field.
            await page.Locator("[data-testid=report-submit]").ClickAsync();
            await Expect(page.Locator("[data-valmsg-for='Input.Title']")).ToHaveTextAsync("此项为必填项。");
            await Screenshots.SaveAsync(page, "hazard-report");

            await page.FillAsync("#Input_Title", "E2E 页面上报 商场消防通道堵塞");
            await page.FillAsync("#Input_Description", "二层消防通道堆放杂物，防火门常闭失效。");
            await page.SelectOptionAsync("#Input_AreaCode", "fire-safety");
            await page.SelectOptionAsync("#Input_DistrictCode", "district-daoli");
            await page.SelectOptionAsync("#Input_ResponsibleUnitCode", "city-fire-rescue");
            await page.SelectOptionAsync("#Input_Source", "Inspection");
            await page.FillAsync("#Input_EnterpriseName", "道里区某商场");
            await page.FillAsync("#Input_Location", "道里区中央大街 二层");
            await page.Locator("[data-testid=report-submit]").ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/hazards/[0-9a-f-]{36}$"));
            await Expect(page.Locator("[data-testid=hazard-title]")).ToHaveTextAsync("E2E 页面上报 商场消防通道堵塞");
            number = (await page.Locator("[data-testid=hazard-number]").TextContentAsync())!.Trim();
            Assert.Empty(office.ScriptErrors);
        }

        await using (var fire = await server.OpenAsync())
        {
            var page = fire.Page;
            await fire.SignInAsync("fire-officer");
            await page.GotoAsync("/tasks");
            await page.SelectOptionAsync("#area", "fire-safety");
            await page.SelectOptionAsync("#district", "district-daoli");
            await page.FillAsync("#businessKey", number);
            await page.Locator("[data-testid=task-filters] button[type=submit]").ClickAsync();
            await Expect(page.Locator("[data-testid=tasks] tr[data-element-id=Task_GradeHazard]")).ToHaveCountAsync(1);

            // The same task is not in the department's inbox filtered to another area.
            await page.SelectOptionAsync("#area", "hazardous-chemicals");
            await page.Locator("[data-testid=task-filters] button[type=submit]").ClickAsync();
            await Expect(page.Locator("[data-testid=no-tasks]")).ToBeVisibleAsync();
        }

        await using var emergency = await server.OpenAsync();
        await emergency.SignInAsync("emergency-officer");
        await emergency.Page.GotoAsync($"/tasks?businessKey={Uri.EscapeDataString(number)}");
        await Expect(emergency.Page.Locator("[data-testid=no-tasks]")).ToBeVisibleAsync();
        await emergency.Page.GotoAsync($"/hazards?q={Uri.EscapeDataString(number)}");
        await Expect(emergency.Page.Locator("[data-testid=no-hazards]")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task The_registry_filters_by_area()
    {
        await using var session = await server.OpenAsync();
        var page = session.Page;
        await session.SignInAsync("office");
        await ApiCalls.ReportFireHazardAsync(page, "E2E 台账筛选 消防");

        await page.Locator("[data-testid=main-menu] a[href='/hazards']").ClickAsync();
        await Expect(page.Locator("[data-testid=hazards] tbody tr").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "hazards");

        await page.SelectOptionAsync("#area", "fire-safety");
        await page.Locator("[data-testid=apply-filters]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("area=fire-safety"));
        var rows = page.Locator("[data-testid=hazards] tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        var areas = await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.area)");
        Assert.NotEmpty(areas);
        Assert.All(areas, area => Assert.Equal("fire-safety", area));
        Assert.Empty(session.ScriptErrors);
    }

    [BrowserFact]
    public async Task The_import_page_shows_each_bad_rows_errors_and_imports_a_good_file()
    {
        await using var session = await server.OpenAsync();
        var page = session.Page;
        await session.SignInAsync("office");
        await page.GotoAsync("/hazards/import");
        var yesterday = DateTime.Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var bad = $"""
            隐患名称,隐患描述,专项领域,区县(市),来源,发现时间,位置
            E2E导入 安全出口堵塞,一层安全出口被货物堵塞,消防安全,道里区,自查,{yesterday},一层
            E2E导入 配电室无挡鼠板,配电室门口未设挡鼠板,不存在的领域,道里区,自查,{yesterday},配电室
            ,缺少名称的行,消防安全,道里区,自查,{yesterday},仓库
            """;
        await page.SetInputFilesAsync("#import-file", Csv("bad.csv", bad));
        await page.Locator("[data-testid=import-submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=import-nothing]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=import-errors] tr[data-row='3']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=import-errors] tr[data-row='4']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=import-errors] tr[data-row='2']")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "hazard-import");

        var good = $"""
            隐患名称,隐患描述,专项领域,区县(市),来源,发现时间,位置
            E2E导入 储罐液位计损坏,储罐区液位计失灵,危险化学品安全整治,道里区,自查,{yesterday},罐区
            E2E导入 叉车超期未检,叉车超过检验有效期,消防安全,道里区,执法检查,{yesterday},仓库
            """;
        await page.SetInputFilesAsync("#import-file", Csv("good.csv", good));
        await page.Locator("[data-testid=import-submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=import-imported]")).ToContainTextAsync("已导入 2 条隐患");
        await Expect(page.Locator("[data-testid=import-errors]")).ToHaveCountAsync(0);
        Assert.Empty(session.ScriptErrors);
    }

    [BrowserFact]
    public async Task The_hazards_file_shows_the_diagram_of_its_loop_with_the_active_element_marked()
    {
        await using var session = await server.OpenAsync();
        var page = session.Page;
        await session.SignInAsync("office");
        var (id, number, _) = await ApiCalls.ReportFireHazardAsync(page, "E2E 一患一档 疏散指示灯损坏");

        await page.GotoAsync($"/hazards/{id}");
        await Expect(page.Locator("[data-testid=hazard-number]")).ToHaveTextAsync(number);
        var active = page.Locator("[data-testid=hazard-diagram] .djs-element[data-element-id=Task_GradeHazard]");
        await Expect(active).ToBeVisibleAsync();
        await Expect(active).ToHaveClassAsync(new Regex("wh-active"));
        await Expect(page.Locator("[data-testid=hazard-diagram] .djs-element[data-element-id=Start_HazardReported]")).ToHaveClassAsync(new Regex("wh-completed"));
        await Expect(page.Locator("[data-testid=current-tasks] tr[data-element-id=Task_GradeHazard]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=timeline] li").Nth(1)).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "hazard-file");
        Assert.Empty(session.ScriptErrors);
    }

    private static FilePayload Csv(string name, string text) =>
        new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };
}
