namespace WorkflowHub.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Finds the Chromium the browser tests drive: Debian's package at /usr/bin/chromium, or the executable named by
/// WH_CHROMIUM. Playwright's own browser download is never used (it cannot download here).
/// </summary>
public static class ChromiumLocator
{
    public const string DefaultPath = "/usr/bin/chromium";

    public static string ExecutablePath { get; } =
        Environment.GetEnvironmentVariable("WH_CHROMIUM") is { Length: > 0 } configured ? configured : DefaultPath;

    public static bool IsAvailable => File.Exists(ExecutablePath);

    public static string MissingReason =>
        $"Chromium was not found at {ExecutablePath}: install it (apt-get install -y chromium) or set WH_CHROMIUM; browser tests need a real browser.";
}
