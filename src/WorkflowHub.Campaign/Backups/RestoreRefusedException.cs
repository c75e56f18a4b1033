namespace WorkflowHub.Campaign.Backups;

/// <summary>A restore was not done; the message says why and what to do (nothing was changed).</summary>
public sealed class RestoreRefusedException(string message, Exception? innerException = null) : Exception(message, innerException);
