namespace WorkflowHub.Campaign.Infrastructure.Pipeline;

/// <summary>
/// The request contradicts the record as it stands, whoever changed it and when (a hazard already linked to an accident):
/// HTTP 409 like <see cref="ConcurrencyException"/>, but retrying after a reload will not help.
/// </summary>
public sealed class ConflictException(string message) : Exception(message);
