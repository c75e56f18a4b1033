namespace WorkflowHub.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A test that needs a real Chromium. Where none is installed the test is reported as skipped with the reason,
/// never as passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!ChromiumLocator.IsAvailable)
        {
            Skip = ChromiumLocator.MissingReason;
        }
    }
}
