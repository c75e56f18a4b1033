using WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;
using WorkflowHub.Engine.EntityFrameworkCore.Sqlite.DirectWrites;
using WorkflowHub.Engine.EntityFrameworkCore.Sqlite.Sessions;

namespace WorkflowHub.Campaign.Audit;

/// <summary>
/// Appends one entry to the audit chain with two prepared statements inside a transaction someone else owns (the
/// engine's group commit): read the chain's head, link and seal the entry after it, insert it. The values are stored as
/// EF Core's model stores them (<see cref="AuditEntryConfiguration"/>), so the entry reads back and verifies like any other.
/// </summary>
internal static class SqliteAuditAppend
{
    private const string ReadHead = """SELECT "Sequence", "Hash" FROM "AuditEntries" ORDER BY "Sequence" DESC LIMIT 1""";

    private const string Insert =
        """
        INSERT INTO "AuditEntries" ("Id", "Sequence", "OccurredAt", "UserId", "UserName", "OrgUnitCode", "Action", "Payload", "Outcome", "Error", "PreviousHash", "Hash")
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11)
        """;

    /// <summary>Sets the entry's sequence and hashes after the current head and inserts it.</summary>
    public static void Append(SqliteStatements statements, AuditEntry entry)
    {
        var (sequence, previousHash) = Head(statements);
        entry.Sequence = sequence + 1;
        AuditChainHasher.Seal(entry, previousHash);
        statements.Execute(Insert, entry, Bind);
    }

    private static (long Sequence, string Hash) Head(SqliteStatements statements)
    {
        var command = statements.Rent(ReadHead, parameterCount: 0);
        try
        {
            using var reader = command.ExecuteReader();
            return reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : (0, AuditChainHasher.GenesisHash);
        }
        finally
        {
            statements.Return(command);
        }
    }

    private static void Bind(SqliteWriteStatement statement, AuditEntry entry)
    {
        statement.Bind(0, StoredValues.Of(entry.Id));
        statement.Bind(1, entry.Sequence);
        statement.Bind(2, AuditEntryConfiguration.OccurredAtConverter.ConvertToProvider(entry.OccurredAt));
        statement.Bind(3, entry.UserId);
        statement.Bind(4, entry.UserName);
        statement.Bind(5, entry.OrgUnitCode);
        statement.Bind(6, entry.Action);
        statement.Bind(7, entry.Payload);
        statement.Bind(8, entry.Outcome.ToString());
        statement.Bind(9, entry.Error);
        statement.Bind(10, entry.PreviousHash);
        statement.Bind(11, entry.Hash);
    }
}
