namespace WorkflowHub.Campaign.Infrastructure.Pipeline;

/// <summary>The thing the request names does not exist, or the user may not see it (HTTP 404).</summary>
public sealed class NotFoundException(string message) : Exception(message)
{
    public static NotFoundException For(string what, string key) => new($"{what} '{key}' was not found.");
}
