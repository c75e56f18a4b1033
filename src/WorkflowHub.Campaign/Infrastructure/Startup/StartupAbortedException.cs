namespace WorkflowHub.Campaign.Infrastructure.Startup;

/// <summary>A start-up step failed in a way the operator must fix (e.g. a broken plan file); the message says what.</summary>
public sealed class StartupAbortedException(string message, Exception? innerException = null) : Exception(message, innerException);
