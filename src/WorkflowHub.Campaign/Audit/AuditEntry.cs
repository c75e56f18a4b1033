namespace WorkflowHub.Campaign.Audit;

/// <summary>
/// One link of the audit chain: who did what, when, with which outcome. <see cref="Hash"/> covers
/// <see cref="PreviousHash"/> and every other field (<see cref="AuditChainHasher"/>), so editing, removing or
/// reordering an entry breaks the chain from that entry on. Rows are only ever inserted.
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; }

    /// <summary>1, 2, 3, … without gaps; unique, so two writers cannot both append the same link.</summary>
    public long Sequence { get; set; }

    /// <summary>When the command finished, to the millisecond (what every database stores exactly).</summary>
    public DateTimeOffset OccurredAt { get; set; }

    public string? UserId { get; set; }

    /// <summary>The acting user's name, <c>system</c> for start-up and jobs, <c>engine</c> for the job executor, null when anonymous.</summary>
    public string? UserName { get; set; }

    public string? OrgUnitCode { get; set; }

    /// <summary>The command's type name (e.g. <c>ReportHazard</c>) or an event name (<c>SignOut</c>, <c>Engine.TaskCompleted</c>).</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>The request as compact JSON with secrets redacted (<see cref="AuditPayload"/>).</summary>
    public string Payload { get; set; } = "{}";

    public AuditOutcome Outcome { get; set; }

    /// <summary>The exception type name when the command failed (e.g. <c>ValidationException</c>).</summary>
    public string? Error { get; set; }

    /// <summary>The hash of the entry before this one (<see cref="AuditChainHasher.GenesisHash"/> for the first).</summary>
    public string PreviousHash { get; set; } = string.Empty;

    public string Hash { get; set; } = string.Empty;
}
