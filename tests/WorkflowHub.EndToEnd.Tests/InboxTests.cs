using System.Text.RegularExpressions;
using WorkflowHub.EndToEnd.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WorkflowHub.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed class InboxTests(BrowserServer server)
{
    [BrowserFact]
    public async Task A_reported_hazard_reaches_the_inbox_of_the_responsible_department_only_and_its_officer_completes_the_grading_form()
    {
        string number;
        await using (var office = await server.OpenAsync())
        {
            await office.SignInAsync("office");
            (_, number, _) = await ApiCalls.ReportFireHazardAsync(office.Page, "E2E 商场疏散通道堵塞");
        }

        // Another department does not see the task.
        await using (var emergency = await server.OpenAsync())
        {
            await emergency.SignInAsync("emergency-officer");
            await emergency.Page.GotoAsync($"/tasks?businessKey={Uri.EscapeDataString(number)}");
            await Expect(emergency.Page.Locator("[data-testid=no-tasks]")).ToBeVisibleAsync();
        }

        await using var session = await server.OpenAsync();
        var page = session.Page;
        await session.SignInAsync("fire-officer");
        await page.GotoAsync("/tasks");
        await Expect(page.Locator("[data-testid=tasks]")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "inbox");

        await page.GotoAsync($"/tasks?businessKey={Uri.EscapeDataString(number)}");
        var row = page.Locator("[data-testid=tasks] tr[data-element-id=Task_GradeHazard]");
        await Expect(row).ToHaveCountAsync(1);
        var taskId = await row.GetAttributeAsync("data-task-id");
        await row.Locator("a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/tasks/{taskId}$"));

        await page.Locator("[data-testid=claim]").ClickAsync();
        await Expect(page.Locator("[data-testid=task-assignee]")).Not.ToHaveTextAsync("未签收");

        var form = page.Locator("[data-testid=task-form]");
        Assert.Null(await form.GetAttributeAsync("data-readonly"));
        Assert.NotNull(await form.GetAttributeAsync("data-submit-url"));
        await form.GetByLabel("一般隐患").CheckAsync();
        await form.GetByLabel("定级依据").FillAsync("通道堵塞可当场清理，指示灯可在一周内更换，属一般隐患。");
        await Screenshots.SaveAsync(page, "task-form");
        await form.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "提交" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/tasks\\?completed="));
        var task = await ApiCalls.GetJsonAsync(page, $"/api/tasks/{taskId}");
        Assert.Equal("Completed", task.GetProperty("state").GetString());
        Assert.Empty(session.ScriptErrors);
    }

    [BrowserFact]
    public async Task The_instance_view_marks_the_active_element_on_the_diagram()
    {
        await using var session = await server.OpenAsync();
        var page = session.Page;
        await session.SignInAsync("office");
        var (_, _, instanceId) = await ApiCalls.ReportFireHazardAsync(page, "E2E 仓库消防设施缺失");

        await page.GotoAsync($"/instances/{instanceId}");
        await Expect(page.Locator("[data-testid=active-elements]")).ToContainTextAsync("隐患定级 Task_GradeHazard");
        var active = page.Locator("[data-testid=instance-viewer] .djs-element[data-element-id=Task_GradeHazard]");
        await Expect(active).ToBeVisibleAsync();
        await Expect(active).ToHaveClassAsync(new Regex("wh-active"));
        await Expect(page.Locator("[data-testid=history] li").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "instance");
        Assert.Empty(session.ScriptErrors);
    }
}
