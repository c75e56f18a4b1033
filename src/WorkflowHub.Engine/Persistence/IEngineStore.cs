namespace WorkflowHub.Engine.Persistence;

/// <summary>
/// The engine's storage. Every command runs in one <see cref="IEngineTransaction"/>; job acquisition is separate and
/// must be safe when several nodes share the store.
/// </summary>
public interface IEngineStore : IEngineQueryStore
{
    Task<IEngineTransaction> BeginAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically locks up to <paramref name="max"/> jobs with DueAt &lt;= now, Retries &gt; 0 and no live lock
    /// (LockOwner null or LockExpiresAt &lt;= now), ordered by priority (high first) then due time; sets LockOwner and
    /// LockExpiresAt = now + lockDuration and returns copies of the locked rows. Two callers never receive the same job
    /// while its lock is live.
    /// </summary>
    Task<IReadOnlyList<JobRecord>> AcquireDueJobsAsync(string lockOwner, DateTimeOffset now, TimeSpan lockDuration, int max, CancellationToken cancellationToken = default);

    /// <summary>The earliest DueAt of any job that could be acquired (unlocked or lock expired, retries left), or null.</summary>
    Task<DateTimeOffset?> GetNextJobDueAtAsync(CancellationToken cancellationToken = default);
}
