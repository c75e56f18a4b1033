using System.Text.Json;
using Microsoft.Playwright;

namespace WorkflowHub.EndToEnd.Tests.Infrastructure;

/// <summary>Calls to the JSON API with the browser context's sign-in cookie, to set up and check what a test does in the pages.</summary>
public static class ApiCalls
{
    public static async Task<JsonElement> GetJsonAsync(IPage page, string url)
    {
        var response = await page.APIRequest.GetAsync(url);
        Assert.True(response.Ok, $"GET {url}: {response.Status} {await response.TextAsync()}");
        return (await response.JsonAsync())!.Value;
    }

    /// <summary>Posts as the page's scripts do: with the sign-in cookie and the page's anti-forgery token in the header.</summary>
    public static async Task<JsonElement> PostJsonAsync(IPage page, string url, object body)
    {
        var csrfToken = await page.GetAttributeAsync("meta[name='csrf-token']", "content")
            ?? throw new InvalidOperationException($"The page {page.Url} carries no anti-forgery token.");
        var response = await page.APIRequest.PostAsync(url, new APIRequestContextOptions
        {
            DataObject = body,
            Headers = new Dictionary<string, string> { ["X-CSRF-TOKEN"] = csrfToken },
        });
        Assert.True(response.Ok, $"POST {url}: {response.Status} {await response.TextAsync()}");
        return (await response.JsonAsync())!.Value;
    }

    /// <summary>Reports a hazard in the fire-safety area for which the fire rescue detachment is responsible.</summary>
    public static async Task<(Guid Id, string Number, Guid InstanceId)> ReportFireHazardAsync(IPage page, string title)
    {
        var hazard = await PostJsonAsync(page, "/api/hazards", new
        {
            title,
            description = "疏散通道被货物堵塞，安全出口指示灯损坏。",
            areaCode = "fire-safety",
            districtCode = "district-daoli",
            enterpriseName = "道里区某商场",
            source = "Inspection",
            foundAt = DateTimeOffset.UtcNow.AddHours(-1),
            location = "道里区中央大街",
            responsibleUnitCode = "city-fire-rescue",
        });
        return (hazard.GetProperty("id").GetGuid(), hazard.GetProperty("number").GetString()!, hazard.GetProperty("instanceId").GetGuid());
    }
}
