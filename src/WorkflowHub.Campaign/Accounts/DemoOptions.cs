namespace WorkflowHub.Campaign.Accounts;

/// <summary>Configuration section <c>Demo</c>: demo accounts for trying WorkflowHub out. Keep disabled in production.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    public bool Enabled { get; set; }

    /// <summary>The password every demo account shares. Required when <see cref="Enabled"/> is true.</summary>
    public string? Password { get; set; }
}
