using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace WorkflowHub.Server.Infrastructure.Auth;

/// <summary>
/// Limits password guessing on the login page and <c>POST /api/auth/token</c>: a fixed window per client IP and user
/// name, shared by both. It is checked after the user name is bound (the body has been read), which the
/// rate-limiting middleware's synchronous partitioner cannot do. Account lockout still applies on top.
/// </summary>
public sealed class SignInRateLimiter : IDisposable
{
    // User names longer than this are cut for the key: they fail validation anyway, and keys stay small.
    private const int MaxKeyUserNameLength = 128;

    private readonly PartitionedRateLimiter<string> limiter;

    public SignInRateLimiter(IOptions<SignInRateLimitOptions> options)
    {
        var settings = options.Value;
        Window = TimeSpan.FromSeconds(Math.Max(1, settings.WindowSeconds));
        var permitLimit = Math.Max(1, settings.PermitLimit);
        limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitLimit,
            Window = Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    public TimeSpan Window { get; }

    /// <summary>Counts one attempt; false when the client has used up its attempts for this user name in the window.</summary>
    public bool TryAcquire(HttpContext context, string? userName)
    {
        using var lease = limiter.AttemptAcquire(PartitionKey(context, userName));
        return lease.IsAcquired;
    }

    /// <summary>Marks a refused response: 429 with Retry-After in seconds.</summary>
    public void WriteRetryAfter(HttpResponse response) =>
        response.Headers.RetryAfter = ((int)Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    public void Dispose() => limiter.Dispose();

    private static string PartitionKey(HttpContext context, string? userName)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var name = (userName ?? string.Empty).Trim().ToUpperInvariant();
        if (name.Length > MaxKeyUserNameLength)
        {
            name = name[..MaxKeyUserNameLength];
        }

        return $"{address}|{name}";
    }
}
