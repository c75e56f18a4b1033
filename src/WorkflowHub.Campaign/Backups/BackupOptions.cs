namespace WorkflowHub.Campaign.Backups;

/// <summary>Configuration section <c>Backup</c>: where the admin API writes backup files.</summary>
public sealed class BackupOptions
{
    public const string SectionName = "Backup";

    /// <summary>The backup folder; a relative path is resolved against the content root. Unset: <c>backups</c> next to the database file.</summary>
    public string? Folder { get; set; }

    /// <summary>The absolute folder, set once the content root is known.</summary>
    public string FullFolder { get; set; } = string.Empty;
}
