using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Server.Tests.Hazards;

namespace WorkflowHub.Server.Tests.Pages;

/// <summary>
/// The hazard registry pages rendered by the real server (no browser): the report form's server validation, the
/// registry's filters, the hazard file with its loop state and evidence, the import page's per-row errors, the
/// template and the two lists, and the inbox's area and district filters.
/// </summary>
public sealed class HazardPagesTests(HazardServer server) : IClassFixture<HazardServer>
{
    [Fact]
    public async Task The_report_form_shows_each_servers_error_under_its_field_and_reports_nothing()
    {
        var office = await ClientAsync("office");
        var before = await server.WithDbAsync(db => db.Hazards.CountAsync());

        var response = await office.PostFormAsync("/hazards/report", "/hazards/report", Form(new()
        {
            ["Input.Title"] = "",
            ["Input.Description"] = "通道堵塞",
            ["Input.AreaCode"] = "fire-safety",
            ["Input.DistrictCode"] = "district-daoli",
            ["Input.Source"] = "Inspection",
            ["Input.FoundAt"] = "2020-07-14T09:00",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"report-errors\"", html, StringComparison.Ordinal);
        Assert.Matches("data-valmsg-for=\"Input.Title\"[^>]*>此项为必填项。<", html);
        Assert.DoesNotMatch("data-valmsg-for=\"Input.Description\"[^>]*>[^<]+<", html);

        // Checks against the plan run once the fields are there: an area that is not in the plan is named under its field.
        var unknownArea = await office.PostFormAsync("/hazards/report", "/hazards/report", Form(new()
        {
            ["Input.Title"] = "通道堵塞",
            ["Input.Description"] = "通道堵塞",
            ["Input.AreaCode"] = "no-such-area",
            ["Input.DistrictCode"] = "district-daoli",
            ["Input.Source"] = "Inspection",
            ["Input.FoundAt"] = "2020-07-14T09:00",
        }));
        Assert.Matches("data-valmsg-for=\"Input.AreaCode\"[^>]*>所选项无效，请从列表中选择。<", await unknownArea.Content.ReadAsStringAsync());
        Assert.Equal(before, await server.WithDbAsync(db => db.Hazards.CountAsync()));
    }

    [Fact]
    public async Task A_valid_report_starts_the_loop_and_leads_to_the_hazards_file_with_its_active_task_on_the_diagram()
    {
        var office = await ClientAsync("office");
        var (id, number) = await ReportAsync(office, "页面测试 商场疏散通道堵塞");

        var file = await office.GetPageAsync($"/hazards/{id}");
        Assert.Contains(number, file, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"hazard-diagram\"", file, StringComparison.Ordinal);
        Assert.Contains("data-element-id=\"Task_GradeHazard\"", file, StringComparison.Ordinal);
        Assert.Contains("市消防救援支队", file, StringComparison.Ordinal);
        // Shown in the city's time (UTC+8) as it was typed, whatever the server's own time zone.
        Assert.Matches("<td>2020-07-14 09:00</td>", file);

        var state = await office.GetAsync($"/hazards/{id}?handler=LoopState");
        state.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await state.Content.ReadAsStringAsync());
        var active = json.RootElement.GetProperty("activeElementIds").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("Task_GradeHazard", active);
        Assert.Contains("Start_HazardReported", json.RootElement.GetProperty("completedElementIds").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task The_hazards_file_links_the_task_form_only_for_those_who_may_act_and_is_refused_to_other_departments()
    {
        var office = await ClientAsync("office");
        var (id, _) = await ReportAsync(office, "页面测试 仓库消防设施缺失");

        var fireOfficer = await ClientAsync("fire-officer");
        Assert.Contains("data-testid=\"task-link\"", await fireOfficer.GetPageAsync($"/hazards/{id}"), StringComparison.Ordinal);
        var auditor = await ClientAsync("auditor");
        Assert.DoesNotContain("data-testid=\"task-link\"", await auditor.GetPageAsync($"/hazards/{id}"), StringComparison.Ordinal);
        var emergency = await ClientAsync("emergency-officer");
        Assert.Equal(HttpStatusCode.NotFound, (await emergency.GetAsync($"/hazards/{id}")).StatusCode);
    }

    [Fact]
    public async Task Evidence_is_uploaded_from_the_file_and_a_file_of_the_wrong_type_is_refused_with_its_reason()
    {
        var office = await ClientAsync("office");
        var (id, _) = await ReportAsync(office, "页面测试 配电室无挡鼠板");

        var png = new ByteArrayContent(Png());
        png.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var accepted = await office.PostFormAsync($"/hazards/{id}", $"/hazards/{id}?handler=Evidence", new MultipartFormDataContent { { png, "file", "现场照片.png" } });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var file = await office.GetPageAsync($"/hazards/{id}");
        Assert.Contains("现场照片.png", file, StringComparison.Ordinal);

        var text = new ByteArrayContent(Encoding.UTF8.GetBytes("not a photo"));
        var refused = await office.PostFormAsync($"/hazards/{id}", $"/hazards/{id}?handler=Evidence", new MultipartFormDataContent { { text, "file", "note.png" } });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("data-testid=\"evidence-error\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await server.WithDbAsync(db => db.HazardEvidence.CountAsync(e => e.HazardId == id)));
    }

    [Fact]
    public async Task The_registry_filters_by_area_and_text_and_pages()
    {
        var office = await ClientAsync("office");
        var (_, fireNumber) = await ReportAsync(office, "页面测试 筛选 消防", area: "fire-safety");
        var (_, chemNumber) = await ReportAsync(office, "页面测试 筛选 危化", area: "hazardous-chemicals", unit: null);

        var fire = await office.GetPageAsync("/hazards?area=fire-safety");
        Assert.All(PageForms.AttributeValues(fire, "data-area"), area => Assert.Equal("fire-safety", area));
        Assert.Contains(fireNumber, PageForms.AttributeValues(fire, "data-hazard-number"));
        Assert.DoesNotContain(chemNumber, PageForms.AttributeValues(fire, "data-hazard-number"));

        var text = await office.GetPageAsync($"/hazards?q={Uri.EscapeDataString("筛选 危化")}");
        Assert.Equal([chemNumber], PageForms.AttributeValues(text, "data-hazard-number"));

        var oldest = await office.GetPageAsync("/hazards?sort=Oldest");
        var numbers = PageForms.AttributeValues(oldest, "data-hazard-number");
        Assert.Equal(numbers.Order(StringComparer.Ordinal).ToList(), numbers);
    }

    [Fact]
    public async Task The_import_page_lists_each_bad_rows_errors_imports_nothing_and_imports_the_valid_rows_when_asked()
    {
        var office = await ClientAsync("office");
        const string csv = """
            隐患名称,隐患描述,专项领域,区县(市),来源,发现时间,位置
            页面导入 安全出口堵塞,一层安全出口被货物堵塞,消防安全,道里区,自查,2020-07-01,一层
            页面导入 配电室无挡鼠板,配电室门口未设挡鼠板,不存在的领域,道里区,自查,2020-07-03,配电室
            """;
        var before = await server.WithDbAsync(db => db.Hazards.CountAsync());

        var refused = await PostImportAsync(office, csv, importValidRows: false);
        Assert.Contains("data-testid=\"import-nothing\"", refused, StringComparison.Ordinal);
        Assert.Equal(["3"], PageForms.AttributeValues(refused, "data-row"));
        Assert.Equal(before, await server.WithDbAsync(db => db.Hazards.CountAsync()));

        var imported = await PostImportAsync(office, csv, importValidRows: true);
        Assert.Contains("data-testid=\"import-imported\"", imported, StringComparison.Ordinal);
        Assert.Equal(before + 1, await server.WithDbAsync(db => db.Hazards.CountAsync()));
    }

    [Fact]
    public async Task The_template_and_the_two_lists_download_and_auditors_get_no_report_or_import_page()
    {
        var office = await ClientAsync("office");
        var template = await office.GetAsync("/hazards/import?handler=Template");
        template.EnsureSuccessStatusCode();
        var header = Encoding.UTF8.GetString(await template.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n")[0];
        Assert.StartsWith("隐患名称*,隐患描述,专项领域*,区县(市)*", header, StringComparison.Ordinal);

        foreach (var handler in new[] { "HazardList", "MeasureList" })
        {
            var list = await office.GetAsync($"/hazards?handler={handler}");
            list.EnsureSuccessStatusCode();
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", list.Content.Headers.ContentType?.MediaType);
            Assert.Equal("PK"u8.ToArray(), (await list.Content.ReadAsByteArrayAsync())[..2]);
        }

        var auditor = await ClientAsync("auditor");
        var registry = await auditor.GetPageAsync("/hazards");
        Assert.DoesNotContain("data-testid=\"report-hazard\"", registry, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await auditor.GetAsync("/hazards/report")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await auditor.GetAsync("/hazards/import")).StatusCode);
    }

    [Fact]
    public async Task The_inbox_filters_by_the_hazards_area_and_district()
    {
        var office = await ClientAsync("office");
        var (_, number) = await ReportAsync(office, "页面测试 待办筛选");
        var fireOfficer = await ClientAsync("fire-officer");

        var inArea = await fireOfficer.GetPageAsync($"/tasks?area=fire-safety&district=district-daoli&businessKey={Uri.EscapeDataString(number)}");
        Assert.Contains("data-element-id=\"Task_GradeHazard\"", inArea, StringComparison.Ordinal);
        var otherArea = await fireOfficer.GetPageAsync($"/tasks?area=hazardous-chemicals&businessKey={Uri.EscapeDataString(number)}");
        Assert.Contains("data-testid=\"no-tasks\"", otherArea, StringComparison.Ordinal);
        var otherDistrict = await fireOfficer.GetPageAsync("/tasks?district=no-such-district");
        Assert.Contains("data-testid=\"no-tasks\"", otherDistrict, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_inbox_task_and_instance_pages_show_names_where_the_engine_keeps_codes()
    {
        var office = await ClientAsync("office");
        var (_, number) = await ReportAsync(office, "页面测试 流程名称");
        var fireOfficer = await ClientAsync("fire-officer");
        const string named = "title=\"hazard-rectification\" data-testid=\"task-workflow\">隐患整改闭环（一患一档）</td>";

        var inbox = await fireOfficer.GetPageAsync($"/tasks?businessKey={Uri.EscapeDataString(number)}");
        Assert.Contains(named, inbox, StringComparison.Ordinal);
        var taskId = Regex.Match(inbox, "data-task-id=\"([0-9a-f-]{36})\"").Groups[1].Value;

        var task = await fireOfficer.GetPageAsync($"/tasks/{taskId}");
        Assert.Contains(named, task, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"task-candidates\" title=\"city-fire-rescue\">市消防救援支队</td>", task, StringComparison.Ordinal);
        var instanceId = Regex.Match(task, "href=\"/instances/([0-9a-f-]{36})\"").Groups[1].Value;

        var instance = await fireOfficer.GetPageAsync($"/instances/{instanceId}");
        Assert.Contains($"data-testid=\"instance-title\">流程实例：隐患整改闭环（一患一档） · {number}</h1>", instance, StringComparison.Ordinal);
        // Its elements as the diagram names them, beside their ids: where it waits, and each step of its history.
        var active = Regex.Match(instance, "data-testid=\"active-elements\">(.*?)</span></p>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("隐患定级", active, StringComparison.Ordinal);
        Assert.Contains("<code>Task_GradeHazard</code>", active, StringComparison.Ordinal);
        Assert.Contains("<span class=\"wh-element-name\">隐患已上报</span>", instance, StringComparison.Ordinal);
    }

    private async Task<HttpClient> ClientAsync(string userName)
    {
        var client = server.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await server.ClientForAsync(userName);
        client.DefaultRequestHeaders.Authorization = token.DefaultRequestHeaders.Authorization;
        return client;
    }

    private async Task<(Guid Id, string Number)> ReportAsync(HttpClient client, string title, string area = "fire-safety", string? unit = "city-fire-rescue")
    {
        var response = await client.PostFormAsync("/hazards/report", "/hazards/report", Form(new()
        {
            ["Input.Title"] = title,
            ["Input.Description"] = "疏散通道被货物堵塞，安全出口指示灯损坏。",
            ["Input.AreaCode"] = area,
            ["Input.DistrictCode"] = "district-daoli",
            ["Input.ResponsibleUnitCode"] = unit ?? "",
            ["Input.Source"] = "Inspection",
            ["Input.FoundAt"] = "2020-07-14T09:00",
            ["Input.Location"] = "道里区中央大街",
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var id = Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
        var number = await server.WithDbAsync(db => db.Hazards.Where(h => h.Id == id).Select(h => h.Number).SingleAsync());
        return (id, number);
    }

    private async Task<string> PostImportAsync(HttpClient client, string csv, bool importValidRows)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var content = new MultipartFormDataContent { { file, "file", "自查清单.csv" } };
        if (importValidRows)
        {
            content.Add(new StringContent("true"), "importValidRows");
        }

        var response = await client.PostFormAsync("/hazards/import", "/hazards/import", content);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        return html;
    }

    private static FormUrlEncodedContent Form(Dictionary<string, string> fields) => new(fields);

    /// <summary>A 1×1 PNG.</summary>
    private static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
}
