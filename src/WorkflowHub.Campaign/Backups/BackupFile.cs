namespace WorkflowHub.Campaign.Backups;

/// <summary>A backup in the backup folder: its server-made name, size in bytes, SHA-256 (hex) and when it was written.</summary>
public sealed record BackupFile(string Name, long SizeBytes, string Sha256, DateTimeOffset CreatedAt);
