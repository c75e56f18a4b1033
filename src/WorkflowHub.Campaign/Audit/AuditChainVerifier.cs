using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Infrastructure.Persistence;

namespace WorkflowHub.Campaign.Audit;

/// <summary>
/// Walks the chain in sequence order and reports the first entry where it breaks: a gap in the sequence (an entry was
/// removed), a previous hash that is not the hash of the entry before (entries reordered, removed or re-hashed), or a
/// hash that does not match the entry's content (the entry was edited).
/// </summary>
public sealed class AuditChainVerifier(CampaignDbContext db)
{
    private const int BatchSize = 1000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var previousHash = AuditChainHasher.GenesisHash;
        long expected = 1;
        long checkedCount = 0;
        while (true)
        {
            var from = expected - 1;
            var batch = await db.Set<AuditEntry>().AsNoTracking()
                .Where(e => e.Sequence > from)
                .OrderBy(e => e.Sequence)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return new AuditVerification(true, checkedCount, null, checkedCount == 0 ? null : expected - 1, previousHash);
            }

            foreach (var entry in batch)
            {
                checkedCount++;
                if (Check(entry, expected, previousHash) is { } reason)
                {
                    return new AuditVerification(false, checkedCount, new BrokenAuditEntry(entry.Sequence, entry.Id, reason), null, null);
                }

                previousHash = entry.Hash;
                expected++;
            }
        }
    }

    /// <summary>Why <paramref name="entry"/> does not continue the chain, or null when it does.</summary>
    public static string? Check(AuditEntry entry, long expectedSequence, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Sequence != expectedSequence)
        {
            return $"Expected sequence {expectedSequence} but found {entry.Sequence}: entries {expectedSequence}–{entry.Sequence - 1} are missing.";
        }

        if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
        {
            return "Its previous hash is not the hash of the entry before it.";
        }

        if (!string.Equals(entry.Hash, AuditChainHasher.ComputeHash(previousHash, entry), StringComparison.Ordinal))
        {
            return "Its content does not match its hash: the entry was changed after it was written.";
        }

        return null;
    }
}
