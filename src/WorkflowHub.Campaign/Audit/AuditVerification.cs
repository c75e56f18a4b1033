namespace WorkflowHub.Campaign.Audit;

/// <summary>
/// The result of walking the chain. When it is valid, <see cref="LastSequence"/> and <see cref="LastHash"/> name its
/// head: note them somewhere outside the database to detect later that entries were cut off the end.
/// </summary>
public sealed record AuditVerification(bool Valid, long EntriesChecked, BrokenAuditEntry? FirstBrokenEntry, long? LastSequence, string? LastHash);

/// <summary>The first entry where the chain breaks and why.</summary>
public sealed record BrokenAuditEntry(long Sequence, Guid Id, string Reason);
