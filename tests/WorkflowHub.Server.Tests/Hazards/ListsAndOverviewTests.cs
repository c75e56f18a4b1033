using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static WorkflowHub.Server.Tests.Hazards.HazardApi;

namespace WorkflowHub.Server.Tests.Hazards;

/// <summary>The two lists exported as XLSX and opened again, and the campaign overview's numbers, on a registry the test fills.</summary>
public sealed class ListsAndOverviewTests(HazardServer server) : IClassFixture<HazardServer>, IAsyncLifetime
{
    private static readonly string[] HazardHeaders =
        ["序号", "编号", "隐患名称", "隐患描述", "区县(市)", "责任单位", "生产经营单位", "来源", "等级", "发现时间", "整改时限", "状态", "挂牌督办", "销号时间"];

    private static readonly string[] MeasureHeaders = ["序号", "编号", "制度措施名称", "主要内容", "责任单位", "完成时限", "状态", "完成时间"];

    public async Task InitializeAsync()
    {
        if (await server.WithDbAsync(db => Task.FromResult(db.Hazards.Any())))
        {
            return;
        }

        var office = await server.ClientForAsync("office");
        var fire = await server.ClientForAsync("fire-officer");
        var first = await ReportAsync(office, "商场安全出口锁闭", FireArea);
        await ReportAsync(office, "高层建筑消防设施损坏", FireArea, districtCode: "district-daoli", enterprise: null);
        await ReportAsync(office, "危化品仓库通风不良", ChemicalsArea);
        await CompleteAsync(fire, first.GetProperty("number").GetString()!, "Task_GradeHazard", Grading("general"));
        var created = await fire.PostAsJsonAsync("/api/measures", new
        {
            title = "建立消防安全网格化管理制度",
            content = "建立街道、社区、网格三级消防安全管理责任体系，明确网格员职责。",
            areaCode = FireArea,
            timetable = "2020-12-31",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_hazard_list_has_a_summary_and_one_sheet_per_area_with_chinese_headers_and_its_rows()
    {
        var office = await server.ClientForAsync("office");
        var response = await office.GetAsync("/api/lists/hazards.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var workbook = Workbooks.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(19, workbook.SheetNames.Count);
        Assert.Equal("汇总", workbook.SheetNames[0]);
        Assert.Contains("消防安全", workbook.SheetNames);
        Assert.Contains("危险化学品安全", workbook.SheetNames);
        Assert.Equal(HazardHeaders, workbook.RowOf("消防安全", 3));
        Assert.Contains("问题隐患清单", workbook.RowOf("消防安全", 1)[0], StringComparison.Ordinal);
        Assert.Equal(2, workbook.DataRowCount("消防安全"));
        Assert.Equal(1, workbook.DataRowCount("危险化学品安全"));
        Assert.Equal(0, workbook.DataRowCount("煤矿安全"));
        var fireRows = workbook.Rows["消防安全"].Where(r => r.Row > 3).Select(r => r.Cells).ToList();
        Assert.Contains(fireRows, cells => cells.Contains("阿城区") && cells.Contains("执法检查") && cells.Contains("否"));
    }

    [Fact]
    public async Task A_department_exports_only_the_hazards_it_is_responsible_for()
    {
        var fire = await server.ClientForAsync("fire-officer");
        var workbook = Workbooks.Open(await fire.GetByteArrayAsync("/api/lists/hazards.xlsx"));

        Assert.Equal(2, workbook.DataRowCount("消防安全"));
        Assert.Equal(0, workbook.DataRowCount("危险化学品安全"));
    }

    [Fact]
    public async Task The_measure_list_has_its_own_headers_and_rows()
    {
        var office = await server.ClientForAsync("office");
        var workbook = Workbooks.Open(await office.GetByteArrayAsync("/api/lists/measures.xlsx"));

        Assert.Equal(19, workbook.SheetNames.Count);
        Assert.Equal("汇总", workbook.SheetNames[0]);
        Assert.Equal(MeasureHeaders, workbook.RowOf("消防安全", 3));
        Assert.Equal(1, workbook.DataRowCount("消防安全"));
        var row = workbook.Rows["消防安全"].Single(r => r.Row == 4).Cells;
        Assert.Contains("建立消防安全网格化管理制度", row);
        Assert.Contains("未启动", row);
    }

    [Fact]
    public async Task The_overview_counts_hazards_per_area_and_district_and_names_the_current_phase()
    {
        var office = await server.ClientForAsync("office");
        var overview = await office.GetFromJsonAsync<JsonElement>("/api/campaign/overview");

        var phase = overview.GetProperty("currentPhase");
        Assert.True(phase.GetProperty("ongoing").GetBoolean());
        Assert.True(DateOnly.Parse(phase.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture) <= new DateOnly(2020, 7, 15));
        var totals = overview.GetProperty("hazards");
        Assert.Equal(3, totals.GetProperty("total").GetInt32());
        Assert.Equal(3, totals.GetProperty("open").GetInt32());
        Assert.Equal(0, totals.GetProperty("closed").GetInt32());
        Assert.Equal(0, totals.GetProperty("overdue").GetInt32());
        Assert.Equal(0m, totals.GetProperty("rectificationRate").GetDecimal());
        var fireArea = overview.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("code").GetString() == FireArea);
        Assert.Equal(2, fireArea.GetProperty("hazards").GetProperty("total").GetInt32());
        Assert.True(fireArea.GetProperty("targets").GetProperty("total").GetInt32() > 0);
        var acheng = overview.GetProperty("districts").EnumerateArray().Single(d => d.GetProperty("code").GetString() == DemoDistrict);
        Assert.Equal(2, acheng.GetProperty("hazards").GetProperty("total").GetInt32());
        var daoli = overview.GetProperty("districts").EnumerateArray().Single(d => d.GetProperty("code").GetString() == "district-daoli");
        Assert.Equal(1, daoli.GetProperty("hazards").GetProperty("total").GetInt32());
    }
}
