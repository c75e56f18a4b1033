using System.Net;
using System.Text.RegularExpressions;

namespace WorkflowHub.Server.Tests.Pages;

/// <summary>Reads pages and posts their forms as a browser would: with the page's anti-forgery token and cookie.</summary>
public static partial class PageForms
{
    /// <summary>GETs a page, which must answer 200, and returns its HTML.</summary>
    public static async Task<string> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {html}");
        return html;
    }

    /// <summary>Posts <paramref name="content"/> to <paramref name="url"/> with the token of the page at <paramref name="pageUrl"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, string url, HttpContent content)
    {
        var html = await client.GetPageAsync(pageUrl);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Add("X-CSRF-TOKEN", CsrfToken(html));
        return await client.SendAsync(request);
    }

    public static string CsrfToken(string html) =>
        CsrfMeta().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("The page carries no anti-forgery token.");

    /// <summary>The values of an attribute on the page, in order (e.g. every row's data-area).</summary>
    public static IReadOnlyList<string> AttributeValues(string html, string attribute) =>
        Regex.Matches(html, $"{Regex.Escape(attribute)}=\"([^\"]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfMeta();
}
