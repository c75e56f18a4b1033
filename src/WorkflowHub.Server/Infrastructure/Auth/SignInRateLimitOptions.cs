namespace WorkflowHub.Server.Infrastructure.Auth;

/// <summary>Configuration section <c>SignInRateLimit</c>: how many sign-in attempts one client may make for one user name per window.</summary>
public sealed class SignInRateLimitOptions
{
    public const string SectionName = "SignInRateLimit";

    /// <summary>Attempts (right or wrong) allowed per client IP and user name in one window.</summary>
    public int PermitLimit { get; set; } = 10;

    public int WindowSeconds { get; set; } = 60;
}
