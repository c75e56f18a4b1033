namespace WorkflowHub.Campaign.Backups;

/// <summary>
/// Tells a restore whether a server is running on a database file. Every server holds a shared lock on
/// <c>&lt;database&gt;.server-lock</c> for its lifetime (several servers may share a file); a restore needs the exclusive
/// lock, which it cannot get while any server holds its shared one. The operating system drops the lock when a process
/// ends, however it ends, so a crash never leaves a stale lock behind.
/// </summary>
public sealed class DatabaseInUseLock : IDisposable
{
    private readonly FileStream _stream;

    private DatabaseInUseLock(FileStream stream) => _stream = stream;

    public static string LockPathFor(string databasePath) => Path.GetFullPath(databasePath) + ".server-lock";

    /// <summary>The shared lock a running server holds on its database.</summary>
    public static DatabaseInUseLock AcquireShared(string databasePath)
    {
        var path = LockPathFor(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Read access with sharing: .NET takes a shared lock (flock LOCK_SH on Unix, share modes on Windows).
        return new DatabaseInUseLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
    }

    /// <summary>The exclusive lock a restore needs, or null while a server runs on <paramref name="databasePath"/>.</summary>
    public static DatabaseInUseLock? TryAcquireExclusive(string databasePath)
    {
        var path = LockPathFor(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return new DatabaseInUseLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
