using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WorkflowHub.Server.Tests.Decisions;

/// <summary>Small helpers over the decisions API, reading JSON as the client sees it.</summary>
internal static class DecisionApi
{
    public static async Task<JsonElement> SweepAsync(DecisionsServer server)
    {
        var admin = await server.ClientForAsync("admin");
        var response = await admin.PostAsync("/api/decisions/sweep", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The decisions about one subject, oldest first.</summary>
    public static async Task<List<JsonElement>> AboutAsync(HttpClient client, string subjectId)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/decisions?subjectId={subjectId}&take=200");
        return page.GetProperty("items").EnumerateArray()
            .OrderBy(d => d.GetProperty("decidedAt").GetDateTimeOffset())
            .ThenBy(d => d.GetProperty("ruleName").GetString(), StringComparer.Ordinal)
            .ToList();
    }

    public static string Kind(JsonElement decision) => decision.GetProperty("kind").GetString()!;

    public static string Id(JsonElement decision) => decision.GetProperty("id").GetString()!;
}
