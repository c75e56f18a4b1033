namespace WorkflowHub.Campaign.Infrastructure.Pipeline;

/// <summary>The request needs a signed-in user and there is none (HTTP 401).</summary>
public sealed class UnauthenticatedException() : Exception("Sign in to send this request.");
