using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace WorkflowHub.Campaign.Audit;

/// <summary>
/// The chain's hash: SHA-256 over the previous entry's hash and the entry's canonical content. The content is a JSON
/// array of every field in a fixed order (times as Unix milliseconds), so the same entry hashes the same on any machine
/// and any database provider.
/// </summary>
public static class AuditChainHasher
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public static readonly string GenesisHash = new('0', 64);

    // Bumped if the canonical form ever changes; part of every hash so old and new forms cannot be confused.
    private const string FormatVersion = "audit-v1";

    public static string ComputeHash(string previousHash, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        ArgumentNullException.ThrowIfNull(entry);
        var content = CanonicalContent(entry);
        var prefix = Encoding.UTF8.GetBytes(previousHash + "\n");
        var buffer = new byte[prefix.Length + content.Length];
        prefix.CopyTo(buffer, 0);
        content.CopyTo(buffer, prefix.Length);
        return Convert.ToHexStringLower(SHA256.HashData(buffer));
    }

    /// <summary>Sets <see cref="AuditEntry.PreviousHash"/> and <see cref="AuditEntry.Hash"/> of an entry appended after <paramref name="previousHash"/>.</summary>
    public static void Seal(AuditEntry entry, string previousHash)
    {
        entry.PreviousHash = previousHash;
        entry.Hash = ComputeHash(previousHash, entry);
    }

    /// <summary>Every field but the two hashes, as UTF-8 JSON: <c>["audit-v1", sequence, "id", ms, userId, userName, orgUnit, action, payload, outcome, error]</c>.</summary>
    public static byte[] CanonicalContent(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(FormatVersion);
            writer.WriteNumberValue(entry.Sequence);
            writer.WriteStringValue(entry.Id.ToString("D"));
            writer.WriteNumberValue(entry.OccurredAt.ToUnixTimeMilliseconds());
            writer.WriteStringValue(entry.UserId);
            writer.WriteStringValue(entry.UserName);
            writer.WriteStringValue(entry.OrgUnitCode);
            writer.WriteStringValue(entry.Action);
            writer.WriteStringValue(entry.Payload);
            writer.WriteStringValue(entry.Outcome.ToString());
            writer.WriteStringValue(entry.Error);
            writer.WriteEndArray();
        }

        return output.WrittenSpan.ToArray();
    }
}
