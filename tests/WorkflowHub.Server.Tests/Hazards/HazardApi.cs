using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WorkflowHub.Server.Tests.Hazards;

/// <summary>The HTTP calls the hazard tests make: report, read, and work the loop's tasks like a user in the inbox.</summary>
public static class HazardApi
{
    public const string FireArea = "fire-safety";
    public const string ChemicalsArea = "hazardous-chemicals";
    public const string DemoDistrict = "district-acheng";
    public const string DemoEnterprise = "enterprise-demo-chem";

    public static async Task<JsonElement> ReportAsync(HttpClient client, string title, string areaCode, string districtCode = DemoDistrict, string? enterprise = DemoEnterprise, string source = "Inspection", DateTimeOffset? foundAt = null)
    {
        var response = await client.PostAsJsonAsync("/api/hazards", new
        {
            title,
            description = $"{title}：现场检查发现，需立即整改。",
            areaCode,
            districtCode,
            enterpriseUnitCode = enterprise,
            source,
            foundAt = foundAt ?? HazardServer.Start.AddDays(-1),
            location = "生产车间一层",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> GetFileAsync(HttpClient client, string hazardId)
    {
        var response = await client.GetAsync($"/api/hazards/{hazardId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The user's open tasks of the hazard's loop (business key = hazard number).</summary>
    public static async Task<IReadOnlyList<JsonElement>> MyTasksAsync(HttpClient client, string number)
    {
        var response = await client.GetAsync($"/api/tasks?definitionKey=hazard-rectification&businessKey={number}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    /// <summary>Finds the user's task at <paramref name="elementId"/> and completes it with the form's fields.</summary>
    public static async Task CompleteAsync(HttpClient client, string number, string elementId, object variables)
    {
        var tasks = await MyTasksAsync(client, number);
        var task = Assert.Single(tasks, t => t.GetProperty("elementId").GetString() == elementId);
        var response = await client.PostAsJsonAsync($"/api/tasks/{task.GetProperty("id").GetGuid()}/complete", new { variables });
        Assert.True(response.IsSuccessStatusCode, $"Completing {elementId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static object Grading(string grade) => new { grade, gradingReason = grade == "major" ? "对照重大事故隐患判定标准，属重大隐患" : "对照判定标准，属一般隐患" };

    public static object Plan() => new
    {
        responsiblePerson = "张安全",
        measures = "立即停止相关作业，更换损坏设施并组织复查验收。",
        funds = 3.5,
        timeLimit = "2020-08-15",
        contingencyPlan = "整改完成前设置警戒区域，安排专人巡查值守。",
    };

    public static object Rectification() => new
    {
        rectificationSummary = "已按整改方案完成整改，整改前后照片已上传。",
        evidenceCount = 1,
        rectifiedAt = "2020-07-20",
    };

    public static object Acceptance(bool accepted) => new
    {
        accepted,
        acceptanceComment = accepted ? "经现场复查，整改到位，同意销号。" : "整改不彻底，退回重新整改。",
    };

    public static string State(JsonElement file) => file.GetProperty("hazard").GetProperty("state").GetString()!;

    public static IReadOnlyList<string> CurrentTaskElements(JsonElement file) =>
        file.GetProperty("currentTasks").EnumerateArray().Select(t => t.GetProperty("elementId").GetString()!).ToList();

    /// <summary>A small valid PNG: the 8-byte signature followed by filler, enough for content sniffing.</summary>
    public static byte[] Png(int size = 256)
    {
        var bytes = new byte[size];
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(bytes, 0);
        for (var i = signature.Length; i < size; i++)
        {
            bytes[i] = (byte)(i * 31 % 251);
        }

        return bytes;
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string hazardId, byte[] content, string fileName, string contentType = "image/png")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return await client.PostAsync($"/api/hazards/{hazardId}/evidence", form);
    }
}
