using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using WorkflowHub.Server.Tests.Infrastructure;

namespace WorkflowHub.Server.Tests.Security;

/// <summary>A browser-like client: keeps cookies, does not follow redirects, reads the anti-forgery token of a page.</summary>
public sealed partial class BrowserSession(WebApplicationFactory<Program> factory, string baseAddress = "http://localhost") : IDisposable
{
    public HttpClient Client { get; } = factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri(baseAddress),
    });

    /// <summary>The hidden form token of the page at <paramref name="path"/> (also sets the anti-forgery cookie).</summary>
    public async Task<string> FormTokenAsync(string path = "/account/login")
    {
        var page = await Client.GetStringAsync(path);
        var match = TokenField().Match(page);
        Assert.True(match.Success, $"{path} has no anti-forgery field.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts the login form with its token; returns the response (302 on success).</summary>
    public async Task<HttpResponseMessage> SignInAsync(string userName, string password = WorkflowHubFactory.DemoPassword)
    {
        var token = await FormTokenAsync();
        return await Client.PostAsync("/account/login", Form(("userName", userName), ("password", password), ("__RequestVerificationToken", token)));
    }

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>The Set-Cookie header that sets <paramref name="name"/>, lower-cased for attribute checks.</summary>
    public static string SetCookie(HttpResponseMessage response, string name)
    {
        Assert.True(response.Headers.TryGetValues("Set-Cookie", out var values), "The response sets no cookie.");
        var header = values.FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal));
        Assert.True(header is not null, $"The response does not set {name}: {string.Join(" | ", values)}");
        return header!.ToLowerInvariant();
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
