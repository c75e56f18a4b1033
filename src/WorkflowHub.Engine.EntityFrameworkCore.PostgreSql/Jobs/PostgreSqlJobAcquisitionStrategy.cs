using Microsoft.EntityFrameworkCore;
using WorkflowHub.Engine.EntityFrameworkCore.Jobs;
using WorkflowHub.Engine.EntityFrameworkCore.Model;

namespace WorkflowHub.Engine.EntityFrameworkCore.PostgreSql.Jobs;

/// <summary>
/// Locks due jobs for one node with one statement: the inner SELECT ... FOR UPDATE SKIP LOCKED row-locks the free due
/// jobs and passes over rows another node is locking at that moment, and the UPDATE stamps them with this node's lock
/// owner and expiry before the row locks are released at commit. A job whose lock expired (its node died) is free again.
/// Several nodes acquiring at once therefore never get the same job, and never wait for each other.
/// </summary>
public sealed class PostgreSqlJobAcquisitionStrategy : IJobAcquisitionStrategy
{
    private const string Sql =
        $$"""
        UPDATE {{EngineTables.Jobs}} AS j SET lock_owner = {0}, lock_expires_at = {1}
        FROM (
            SELECT id FROM {{EngineTables.Jobs}}
            WHERE due_at <= {2} AND retries > 0 AND (lock_owner IS NULL OR lock_expires_at <= {2})
            ORDER BY priority DESC, due_at
            LIMIT {3}
            FOR UPDATE SKIP LOCKED) AS due
        WHERE j.id = due.id
        RETURNING j.*
        """;

    public async Task<IReadOnlyList<JobRecord>> AcquireAsync(EngineDbContext db, string lockOwner, DateTimeOffset now, TimeSpan lockDuration, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrEmpty(lockOwner);
        if (max <= 0)
        {
            return [];
        }

        // One statement is its own transaction: the row locks of SKIP LOCKED last exactly as long as the UPDATE.
        var locked = await db.Jobs
            .FromSqlRaw(Sql, lockOwner, (now + lockDuration).UtcTicks, now.UtcTicks, max)
            .AsNoTracking()
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);

        // RETURNING does not promise an order.
        return [.. locked.OrderByDescending(j => j.Priority).ThenBy(j => j.DueAt).ThenBy(j => j.Id)];
    }
}
