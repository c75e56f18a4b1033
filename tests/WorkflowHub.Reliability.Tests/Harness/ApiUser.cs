using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace WorkflowHub.Reliability.Tests.Harness;

/// <summary>One signed-in user talking to whichever server process is running: asks for a bearer token when it has none
/// or the server no longer accepts it (a restarted server may not), and reports transport failures as null answers.</summary>
public sealed class ApiUser(ServerHost host, HttpClient client, string userName, string password)
{
    private string? _token;

    public string UserName { get; } = userName;

    public async Task<ApiAnswer?> GetAsync(string path) => await SendAsync(HttpMethod.Get, path, null);

    public async Task<ApiAnswer?> PostJsonAsync(string path, object body) =>
        await SendAsync(HttpMethod.Post, path, () => JsonContent.Create(body));

    public async Task<ApiAnswer?> PostXmlAsync(string path, string xml) =>
        await SendAsync(HttpMethod.Post, path, () => new StringContent(xml, Encoding.UTF8, "application/xml"));

    /// <summary>The answer, or null when the server could not be reached or went away before answering.</summary>
    private async Task<ApiAnswer?> SendAsync(HttpMethod method, string path, Func<HttpContent>? content)
    {
        try
        {
            if (_token is null && !await SignInAsync())
            {
                return null;
            }

            var answer = await SendOnceAsync(method, path, content);
            if (answer.Status == HttpStatusCode.Unauthorized && await SignInAsync())
            {
                answer = await SendOnceAsync(method, path, content);
            }

            return answer;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            // Killed mid-request or not back yet: give the restart a moment rather than spinning on it.
            await Task.Delay(200);
            return null;
        }
    }

    private async Task<ApiAnswer> SendOnceAsync(HttpMethod method, string path, Func<HttpContent>? content)
    {
        using var request = new HttpRequestMessage(method, new Uri(host.BaseAddress, path.TrimStart('/')));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        request.Content = content?.Invoke();
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiAnswer(response.StatusCode, text);
    }

    private async Task<bool> SignInAsync()
    {
        using var response = await client.PostAsJsonAsync(new Uri(host.BaseAddress, "api/auth/token"), new { userName = UserName, password });
        if (!response.IsSuccessStatusCode)
        {
            _token = null;
            return false;
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        _token = body.GetProperty("accessToken").GetString();
        return true;
    }
}

/// <summary>A status code with its body.</summary>
public sealed record ApiAnswer(HttpStatusCode Status, string Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();
}
