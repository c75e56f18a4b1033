using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using WorkflowHub.Campaign.Audit;

namespace WorkflowHub.Campaign.Tests.Audit;

public sealed class AuditChainHasherTests
{
    private static AuditEntry Entry() => new()
    {
        Id = Guid.Parse("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"),
        Sequence = 7,
        OccurredAt = new DateTimeOffset(2020, 7, 15, 10, 0, 0, 123, TimeSpan.FromHours(8)),
        UserId = "u-1",
        UserName = "fire-officer",
        OrgUnitCode = "city-fire-rescue",
        Action = "ReportHazard",
        Payload = """{"title":"消防通道堵塞"}""",
        Outcome = AuditOutcome.Succeeded,
        Error = null,
    };

    [Fact]
    public void Hash_is_sha256_of_previous_hash_and_canonical_content()
    {
        var entry = Entry();
        var previous = new string('a', 64);

        var expected = Convert.ToHexStringLower(SHA256.HashData(
            [.. Encoding.UTF8.GetBytes(previous + "\n"), .. AuditChainHasher.CanonicalContent(entry)]));

        Assert.Equal(expected, AuditChainHasher.ComputeHash(previous, entry));
        Assert.Matches("^[0-9a-f]{64}$", expected);
    }

    [Fact]
    public void Canonical_content_lists_every_field_in_a_fixed_order_with_times_in_unix_milliseconds()
    {
        var entry = Entry();

        using var document = JsonDocument.Parse(AuditChainHasher.CanonicalContent(entry));
        var values = document.RootElement.EnumerateArray().ToList();

        Assert.Equal(11, values.Count);
        Assert.Equal("audit-v1", values[0].GetString());
        Assert.Equal(7, values[1].GetInt64());
        Assert.Equal(entry.Id.ToString("D"), values[2].GetString());
        Assert.Equal(entry.OccurredAt.ToUnixTimeMilliseconds(), values[3].GetInt64());
        Assert.Equal("fire-officer", values[5].GetString());
        Assert.Equal("ReportHazard", values[7].GetString());
        Assert.Equal("""{"title":"消防通道堵塞"}""", values[8].GetString());
        Assert.Equal("Succeeded", values[9].GetString());
        Assert.Equal(JsonValueKind.Null, values[10].ValueKind);
    }

    [Fact]
    public void The_same_instant_in_another_offset_hashes_the_same()
    {
        var local = Entry();
        var utc = Entry();
        utc.OccurredAt = local.OccurredAt.ToUniversalTime();

        Assert.Equal(AuditChainHasher.ComputeHash(AuditChainHasher.GenesisHash, local), AuditChainHasher.ComputeHash(AuditChainHasher.GenesisHash, utc));
    }

    public static TheoryData<string> Changes() =>
    [
        "sequence", "id", "time", "userId", "userName", "orgUnit", "action", "payload", "outcome", "error",
    ];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Changing_any_field_changes_the_hash(string field)
    {
        var original = AuditChainHasher.ComputeHash(AuditChainHasher.GenesisHash, Entry());
        var changed = Entry();
        switch (field)
        {
            case "sequence": changed.Sequence++; break;
            case "id": changed.Id = Guid.Empty; break;
            case "time": changed.OccurredAt = changed.OccurredAt.AddMilliseconds(1); break;
            case "userId": changed.UserId = "u-2"; break;
            case "userName": changed.UserName = "admin"; break;
            case "orgUnit": changed.OrgUnitCode = null; break;
            case "action": changed.Action = "CancelInstance"; break;
            case "payload": changed.Payload = """{"title":"消防通道畅通"}"""; break;
            case "outcome": changed.Outcome = AuditOutcome.Failed; break;
            case "error": changed.Error = "ForbiddenException"; break;
        }

        Assert.NotEqual(original, AuditChainHasher.ComputeHash(AuditChainHasher.GenesisHash, changed));
    }

    [Fact]
    public void A_different_previous_hash_changes_the_hash()
    {
        var entry = Entry();

        Assert.NotEqual(
            AuditChainHasher.ComputeHash(AuditChainHasher.GenesisHash, entry),
            AuditChainHasher.ComputeHash(new string('f', 64), entry));
    }

    [Fact]
    public void Field_boundaries_cannot_be_shifted_to_forge_the_same_content()
    {
        var first = Entry();
        first.UserName = "ab";
        first.OrgUnitCode = "c";
        var second = Entry();
        second.UserName = "a";
        second.OrgUnitCode = "bc";

        Assert.NotEqual(AuditChainHasher.ComputeHash(AuditChainHasher.GenesisHash, first), AuditChainHasher.ComputeHash(AuditChainHasher.GenesisHash, second));
    }

    [Fact]
    public void Seal_links_the_entry_to_the_previous_hash()
    {
        var entry = Entry();

        AuditChainHasher.Seal(entry, AuditChainHasher.GenesisHash);

        Assert.Equal(AuditChainHasher.GenesisHash, entry.PreviousHash);
        Assert.Equal(AuditChainHasher.ComputeHash(AuditChainHasher.GenesisHash, entry), entry.Hash);
        Assert.Null(AuditChainVerifier.Check(entry, 7, AuditChainHasher.GenesisHash));
    }

    [Fact]
    public void Check_names_what_is_wrong_with_an_entry()
    {
        var entry = Entry();
        AuditChainHasher.Seal(entry, AuditChainHasher.GenesisHash);

        Assert.Contains("sequence 6", AuditChainVerifier.Check(entry, 6, AuditChainHasher.GenesisHash), StringComparison.Ordinal);
        Assert.Contains("previous hash", AuditChainVerifier.Check(entry, 7, new string('1', 64)), StringComparison.Ordinal);

        entry.UserName = "someone-else";
        Assert.Contains("does not match its hash", AuditChainVerifier.Check(entry, 7, AuditChainHasher.GenesisHash), StringComparison.Ordinal);
    }
}
