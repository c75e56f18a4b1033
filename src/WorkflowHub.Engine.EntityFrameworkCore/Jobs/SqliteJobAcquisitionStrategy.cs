using System.Data;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Engine.EntityFrameworkCore.Model;

namespace WorkflowHub.Engine.EntityFrameworkCore.Jobs;

/// <summary>
/// Locks due jobs with a single UPDATE ... RETURNING inside BEGIN IMMEDIATE: SQLite lets one writer in at a time, so two
/// processes sharing the file can never both see a job as free and both lock it.
/// </summary>
public sealed class SqliteJobAcquisitionStrategy : IJobAcquisitionStrategy
{
    private const string Sql =
        $$"""
        UPDATE {{EngineTables.Jobs}} SET lock_owner = {0}, lock_expires_at = {1}
        WHERE id IN (
            SELECT id FROM {{EngineTables.Jobs}}
            WHERE due_at <= {2} AND retries > 0 AND (lock_owner IS NULL OR lock_expires_at <= {2})
            ORDER BY priority DESC, due_at
            LIMIT {3})
        RETURNING *
        """;

    public async Task<IReadOnlyList<JobRecord>> AcquireAsync(EngineDbContext db, string lockOwner, DateTimeOffset now, TimeSpan lockDuration, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(lockOwner);
        if (max <= 0)
        {
            return [];
        }

        // Serializable maps to BEGIN IMMEDIATE in Microsoft.Data.Sqlite: the write lock is taken before the statement runs.
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken).ConfigureAwait(false);
        var locked = await db.Jobs
            .FromSqlRaw(Sql, lockOwner, (now + lockDuration).UtcTicks, now.UtcTicks, max)
            .AsNoTracking()
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        // RETURNING does not promise an order.
        return [.. locked.OrderByDescending(j => j.Priority).ThenBy(j => j.DueAt).ThenBy(j => j.Id)];
    }
}
