namespace WorkflowHub.Campaign.Infrastructure.Pipeline;

/// <summary>The user may not send this request or act on this data (HTTP 403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);
