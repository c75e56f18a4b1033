using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace WorkflowHub.Server.Tests.Hazards;

/// <summary>Bulk import of a self-inspection list: a file with errors imports nothing, unless the valid rows are asked for.</summary>
public sealed class ImportTests(HazardServer server) : IClassFixture<HazardServer>
{
    private const string Csv = """
        隐患名称,隐患描述,专项领域,区县(市),生产经营单位,来源,发现时间,位置
        安全出口堵塞,一层安全出口被货物堵塞,消防安全,阿城区,华安精细化工有限公司,自查,2020-07-01,一层
        储罐液位计损坏,储罐区液位计失灵,危险化学品安全整治,阿城区,华安精细化工有限公司,自查,2020-07-02,罐区
        配电室无挡鼠板,配电室门口未设挡鼠板,不存在的领域,阿城区,华安精细化工有限公司,自查,2020-07-03,配电室
        叉车超期未检,叉车超过检验有效期,特种设备安全整治,不存在区,华安精细化工有限公司,自查,2020-07-04,仓库
        """;

    [Fact]
    public async Task A_file_with_errors_imports_nothing_and_names_each_bad_row()
    {
        var office = await server.ClientForAsync("office");
        var before = await CountAsync();

        var outcome = await ImportAsync(office, Csv, importValidRows: false);

        Assert.Equal(4, outcome.GetProperty("totalRows").GetInt32());
        Assert.Equal(0, outcome.GetProperty("imported").GetInt32());
        var errors = outcome.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([4, 5], errors.Select(e => e.GetProperty("row").GetInt32()).Order().ToArray());
        Assert.Contains(errors, e => e.GetProperty("code").GetString() == "UnknownArea");
        Assert.Contains(errors, e => e.GetProperty("code").GetString() == "UnknownDistrict");
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task With_import_valid_rows_the_valid_rows_are_imported_each_with_its_loop()
    {
        var office = await server.ClientForAsync("office");
        var before = await CountAsync();

        var outcome = await ImportAsync(office, Csv, importValidRows: true);

        Assert.Equal(2, outcome.GetProperty("imported").GetInt32());
        Assert.Equal(2, outcome.GetProperty("errors").GetArrayLength());
        Assert.Equal(before + 2, await CountAsync());
        var numbers = outcome.GetProperty("numbers").EnumerateArray().Select(n => n.GetString()!).ToList();
        var stored = await server.WithDbAsync(db => db.Hazards.AsNoTracking().Where(h => numbers.Contains(h.Number)).ToListAsync());
        Assert.Equal(["fire-safety", "hazardous-chemicals"], stored.Select(h => h.AreaCode).Order().ToArray());
        Assert.All(stored, h =>
        {
            Assert.NotNull(h.InstanceId);
            Assert.Equal("enterprise-demo-chem", h.EnterpriseUnitCode);
            Assert.Equal(WorkflowHub.Campaign.Hazards.HazardSource.SelfInspection, h.Source);
        });
    }

    [Fact]
    public async Task A_file_that_is_not_a_spreadsheet_is_refused_as_a_whole()
    {
        var office = await server.ClientForAsync("office");

        var outcome = await ImportAsync(office, "\u0000\u0001\u0002 not a list", importValidRows: true);

        Assert.Equal(0, outcome.GetProperty("imported").GetInt32());
        var error = Assert.Single(outcome.GetProperty("errors").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("row").ValueKind);
    }

    private Task<int> CountAsync() => server.WithDbAsync(db => db.Hazards.CountAsync());

    private static async Task<JsonElement> ImportAsync(HttpClient client, string csv, bool importValidRows)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.Replace("\n", "\r\n", StringComparison.Ordinal)));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "自查清单.csv");
        form.Add(new StringContent(importValidRows ? "true" : "false"), "importValidRows");
        var response = await client.PostAsync("/api/hazards/import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
