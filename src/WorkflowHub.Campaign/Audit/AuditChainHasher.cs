using System.Buffers;
using System.Diagnostics.CodeAnalysis;
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

    // Every command's entry is hashed: each thread reuses one buffer and one JSON writer instead of growing new ones
    // (the writer asks for six bytes per character of a string it may have to escape).
    [ThreadStatic]
    private static Buffers? t_buffers;

    public static string ComputeHash(string previousHash, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        ArgumentNullException.ThrowIfNull(entry);
        var buffers = t_buffers ??= new Buffers();
        buffers.Output.ResetWrittenCount();
        var prefix = buffers.Output.GetSpan(Encoding.UTF8.GetMaxByteCount(previousHash.Length + 1));
        var prefixLength = Encoding.UTF8.GetBytes(previousHash, prefix);
        prefix[prefixLength] = (byte)'\n';
        buffers.Output.Advance(prefixLength + 1);
        buffers.Json.Reset(buffers.Output);
        WriteCanonical(buffers.Json, entry);

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffers.Output.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash);
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
            WriteCanonical(writer, entry);
        }

        return output.WrittenSpan.ToArray();
    }

    private static void WriteCanonical(Utf8JsonWriter writer, AuditEntry entry)
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
        writer.Flush();
    }

    [SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope", Justification = "Kept for the life of the thread; a Utf8JsonWriter on a buffer writer holds no unmanaged resource.")]
    private sealed class Buffers
    {
        public Buffers() => Json = new Utf8JsonWriter(Output);

        public ArrayBufferWriter<byte> Output { get; } = new(1024);

        public Utf8JsonWriter Json { get; }
    }
}
