using Microsoft.Extensions.Options;
using WorkflowHub.Campaign.Infrastructure.Persistence;

namespace WorkflowHub.Campaign.Backups;

/// <summary>Holds this server's <see cref="DatabaseInUseLock"/> from start-up until the container is disposed.</summary>
public sealed class DatabaseLockHolder(IOptions<StorageOptions> storage) : IDisposable
{
    private readonly Lock _gate = new();
    private DatabaseInUseLock? _lock;

    public void Acquire()
    {
        lock (_gate)
        {
            _lock ??= DatabaseInUseLock.AcquireShared(storage.Value.FullDatabasePath);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _lock?.Dispose();
            _lock = null;
        }
    }
}
