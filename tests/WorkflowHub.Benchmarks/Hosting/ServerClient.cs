using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace WorkflowHub.Benchmarks.Hosting;

/// <summary>An HTTP client of the server signed in with a bearer token, as an API user would be.</summary>
public static class ServerClient
{
    public static async Task<HttpClient> SignInAsync(Uri baseAddress, string userName, string password = ServerProcess.DemoPassword)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };
        using var response = await http.PostAsJsonAsync(new Uri("/api/auth/token", UriKind.Relative), new { userName, password });
        await EnsureSuccessAsync(response, $"sign-in as {userName}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("accessToken").GetString());
        return http;
    }

    public static async Task DeployAsync(this HttpClient http, string bpmnXml)
    {
        using var content = new StringContent(bpmnXml, Encoding.UTF8, "application/xml");
        using var response = await http.PostAsync(new Uri("/api/definitions", UriKind.Relative), content);
        await EnsureSuccessAsync(response, "deploy");
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient http, string relativeUri)
    {
        using var response = await http.GetAsync(new Uri(relativeUri, UriKind.Relative));
        await EnsureSuccessAsync(response, $"GET {relativeUri}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.Clone();
    }

    public static async Task EnsureSuccessAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
