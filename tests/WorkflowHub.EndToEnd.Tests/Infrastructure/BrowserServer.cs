using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace WorkflowHub.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One real server and one headless Chromium shared by the browser tests. Each test opens its own browser context,
/// so cookies (sign-in, language) never leak from one test to another. Without Chromium nothing is started: the tests
/// are skipped by <see cref="BrowserFactAttribute"/>.
/// </summary>
public sealed class BrowserServer : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private TestServerFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public TestServerFactory Factory => _factory ?? throw new InvalidOperationException("The server was not started.");

    public async Task InitializeAsync()
    {
        if (!ChromiumLocator.IsAvailable)
        {
            return;
        }

        _factory = new TestServerFactory();
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.Single().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumLocator.ExecutablePath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh browser context (no cookies) with one page on the server's address.</summary>
    public async Task<BrowserSession> OpenAsync()
    {
        var browser = _browser ?? throw new InvalidOperationException("Chromium was not started.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _factory?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserServer>
{
    public const string Name = "Browser";
}
