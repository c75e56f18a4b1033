namespace WorkflowHub.Campaign.Infrastructure.Pipeline;

/// <summary>Someone else changed the data since the caller read it; reload and retry (HTTP 409).</summary>
public sealed class ConcurrencyException(string message, Exception? innerException = null) : Exception(message, innerException);
