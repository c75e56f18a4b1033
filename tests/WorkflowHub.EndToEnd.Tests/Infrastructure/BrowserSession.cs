using Microsoft.Playwright;

namespace WorkflowHub.EndToEnd.Tests.Infrastructure;

/// <summary>One browser context and its page; records the page's script errors so a test can show them when it fails.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _scriptErrors = [];

    public BrowserSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        Page.PageError += (_, message) => _scriptErrors.Add(message);
        Page.Console += (_, message) =>
        {
            // A 404 the page expects (no draft yet, for instance) is logged by the browser too; it is not a script error.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                _scriptErrors.Add(message.Text);
            }
        };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> ScriptErrors => _scriptErrors;

    /// <summary>Signs in through the login page and waits for the dashboard.</summary>
    public async Task SignInAsync(string userName, string password = TestServerFactory.DemoPassword)
    {
        await Page.GotoAsync("/account/login");
        await Page.FillAsync("#userName", userName);
        await Page.FillAsync("#password", password);
        await Page.ClickAsync("[data-testid=login-submit]");
        await Page.WaitForSelectorAsync("[data-testid=user-badge]");
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
