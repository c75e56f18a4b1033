namespace WorkflowHub.Engine.EntityFrameworkCore.Jobs;

/// <summary>
/// How a provider locks due jobs atomically across processes: one UPDATE ... RETURNING on SQLite; a PostgreSQL strategy
/// would select with FOR UPDATE SKIP LOCKED. The context passed in is fresh and belongs to the caller.
/// </summary>
public interface IJobAcquisitionStrategy
{
    /// <summary>See <see cref="IEngineStore.AcquireDueJobsAsync"/>; returns the locked rows ordered by priority (high first), then due time.</summary>
    Task<IReadOnlyList<JobRecord>> AcquireAsync(EngineDbContext db, string lockOwner, DateTimeOffset now, TimeSpan lockDuration, int max, CancellationToken cancellationToken);
}
