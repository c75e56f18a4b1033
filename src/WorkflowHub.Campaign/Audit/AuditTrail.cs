using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Audit;

/// <summary>
/// Appends entries to the audit chain. Each append reads the chain's head and inserts the next link in one transaction
/// on a context of its own (so nothing a failed command left tracked is saved with it). On SQLite the transaction
/// begins IMMEDIATE, taking the database's single write lock, so appends queue up; on other providers the unique index
/// on <see cref="AuditEntry.Sequence"/> refuses a second link with the same number and the append is retried.
/// </summary>
public sealed class AuditTrail(DbContextOptions<CampaignDbContext> options, TimeProvider timeProvider, ILogger<AuditTrail> logger)
{
    private const int MaxAttempts = 5;

    /// <summary>Appends what <paramref name="user"/> did; <paramref name="payload"/> is the compact JSON of <see cref="AuditPayload.For"/>.</summary>
    public Task<AuditEntry> AppendAsync(ICurrentUser user, string action, string payload, AuditOutcome outcome, string? error, CancellationToken cancellationToken) =>
        AppendAsync(user.UserId, user.IsAuthenticated || user.IsSystem ? user.UserName : null, user.OrgUnitCode, action, payload, outcome, error, cancellationToken);

    public async Task<AuditEntry> AppendAsync(
        string? userId, string? userName, string? orgUnitCode, string action, string payload, AuditOutcome outcome, string? error, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            var entry = new AuditEntry
            {
                Id = Guid.CreateVersion7(now),
                // Milliseconds: what SQLite and PostgreSQL both keep exactly, so the hash survives a round trip.
                OccurredAt = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()),
                UserId = userId,
                UserName = userName,
                OrgUnitCode = orgUnitCode,
                Action = action,
                Payload = payload,
                Outcome = outcome,
                Error = error,
            };

            await using var db = new CampaignDbContext(options);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                if (db.Database.IsNpgsql())
                {
                    // PostgreSQL admits many writers: appends queue on one advisory lock held until commit (as SQLite's write
                    // lock makes them queue), so dozens of concurrent commands on several nodes do not exhaust the retries.
                    await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7240512026)", cancellationToken);
                }

                var head = await db.Set<AuditEntry>().AsNoTracking()
                    .OrderByDescending(e => e.Sequence)
                    .Select(e => new { e.Sequence, e.Hash })
                    .FirstOrDefaultAsync(cancellationToken);
                entry.Sequence = (head?.Sequence ?? 0) + 1;
                AuditChainHasher.Seal(entry, head?.Hash ?? AuditChainHasher.GenesisHash);
                db.Set<AuditEntry>().Add(entry);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return entry;
            }
            catch (DbUpdateException exception) when (attempt < MaxAttempts)
            {
                // Another writer appended the same sequence number first: read the new head and try again.
                logger.LogDebug(exception, "Audit append of {Action} lost a race (attempt {Attempt}); retrying", action, attempt);
            }
        }
    }
}
