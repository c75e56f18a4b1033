using Microsoft.Extensions.Options;
using WorkflowHub.Campaign.Infrastructure.Persistence;

namespace WorkflowHub.Campaign.Backups;

/// <summary>The backup folder of the admin API: writes online backups of the running database and lists and opens them.</summary>
public sealed class BackupStore(IOptions<StorageOptions> storage, IOptions<BackupOptions> options, TimeProvider timeProvider)
{
    public string Folder => options.Value.FullFolder;

    public async Task<BackupFile> CreateAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var path = Path.Combine(Folder, BackupFileNames.New(now));
        await SqliteBackup.CopyAsync(storage.Value.ConnectionString, path, cancellationToken);
        return await DescribeAsync(path, cancellationToken);
    }

    /// <summary>The backups in the folder, newest first (files not named by the server are ignored).</summary>
    public async Task<IReadOnlyList<BackupFile>> ListAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var files = new List<BackupFile>();
        foreach (var path in Directory.EnumerateFiles(Folder).Where(p => BackupFileNames.IsValid(Path.GetFileName(p))))
        {
            files.Add(await DescribeAsync(path, cancellationToken));
        }

        return files.OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The backup named <paramref name="name"/> for reading, or null when no such backup exists.</summary>
    public Stream? OpenRead(string name)
    {
        if (!BackupFileNames.IsValid(name))
        {
            return null;
        }

        var path = Path.Combine(Folder, name);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    private static async Task<BackupFile> DescribeAsync(string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        return new BackupFile(info.Name, info.Length, await SqliteBackup.Sha256Async(path, cancellationToken), new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero));
    }
}
