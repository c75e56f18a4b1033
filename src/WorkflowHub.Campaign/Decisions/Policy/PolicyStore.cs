using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Rules.Policy;

namespace WorkflowHub.Campaign.Decisions.Policy;

/// <summary>
/// The versions of the rule thresholds. The latest is in force; older ones stay readable so a decision can be
/// explained and replayed under the thresholds it was taken with.
/// </summary>
public sealed class PolicyStore(CampaignDbContext db)
{
    /// <summary>The policy in force with its record.</summary>
    /// <exception cref="InvalidOperationException">No version is stored yet (start-up seeds version 1).</exception>
    public async Task<(RulePolicy Policy, PolicyVersionRecord Record)> GetCurrentAsync(CancellationToken cancellationToken)
    {
        var record = await db.Set<PolicyVersionRecord>().AsNoTracking()
            .OrderByDescending(p => p.Number)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException("No rule policy version is stored; the start-up step seeds version 1.");
        return (ToPolicy(record), record);
    }

    public async Task<(RulePolicy Policy, PolicyVersionRecord Record)?> FindAsync(int number, CancellationToken cancellationToken)
    {
        var record = await db.Set<PolicyVersionRecord>().AsNoTracking().SingleOrDefaultAsync(p => p.Number == number, cancellationToken);
        return record is null ? null : (ToPolicy(record), record);
    }

    public async Task<IReadOnlyList<PolicyVersionRecord>> ListAsync(CancellationToken cancellationToken) =>
        await db.Set<PolicyVersionRecord>().AsNoTracking().OrderByDescending(p => p.Number).ToListAsync(cancellationToken);

    /// <summary>Stores <paramref name="policy"/> as the next version (numbered here, whatever number the document carried).</summary>
    public async Task<PolicyVersionRecord> AddAsync(RulePolicy policy, string createdBy, string? comment, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var latest = await db.Set<PolicyVersionRecord>().MaxAsync(p => (int?)p.Number, cancellationToken) ?? 0;
        var numbered = policy.WithVersionNumber(latest + 1);
        var record = new PolicyVersionRecord
        {
            Number = numbered.Version.Number,
            Json = numbered.ToJson(),
            ContentHash = numbered.Version.ContentHash,
            CreatedBy = createdBy,
            CreatedAt = at,
            Comment = comment,
        };
        db.Add(record);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            // Two admins saving at once both pick the same number: the primary key refuses the second.
            throw new ConcurrencyException($"Policy version {record.Number} was saved by someone else at the same time. Reload and try again.", exception);
        }

        return record;
    }

    public static RulePolicy ToPolicy(PolicyVersionRecord record) => RulePolicy.Parse(record.Json).WithVersionNumber(record.Number);
}
