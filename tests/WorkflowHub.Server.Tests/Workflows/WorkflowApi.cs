using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WorkflowHub.Server.Tests.Workflows;

/// <summary>The calls the workflow tests make again and again.</summary>
public static class WorkflowApi
{
    public static async Task<JsonElement> DeployAsync(HttpClient admin, string xml)
    {
        using var content = Diagrams.Xml(xml);
        var response = await admin.PostAsync("/api/definitions", content);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> StartAsync(HttpClient client, string key, object? variables = null, string? businessKey = null)
    {
        var response = await client.PostAsJsonAsync("/api/instances", new { definitionKey = key, businessKey, variables });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The ids of the caller's inbox tasks of one process key.</summary>
    public static async Task<IReadOnlyList<Guid>> InboxAsync(HttpClient client, string key)
    {
        var page = await GetJsonAsync(client, $"/api/tasks?definitionKey={key}");
        return page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ToList();
    }

    public static Task<HttpResponseMessage> CompleteAsync(HttpClient client, Guid taskId, object? variables) =>
        client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables });

    public static readonly object ValidGrading = new { grade = "major", gradingReason = "涉及重大危险源，依据判定标准第三条" };
}
