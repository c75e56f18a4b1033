namespace WorkflowHub.Campaign.Domain;

/// <summary>The campaign itself: its name and time span. There is exactly one row.</summary>
public sealed class CampaignProfile : IVersioned
{
    /// <summary>The key of the single row.</summary>
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }

    /// <summary>
    /// SHA-256 (lower-case hex) of the plan file the start-up import last stored, or null after an import from
    /// elsewhere: a start whose file hashes the same skips parsing, validating and upserting it.
    /// </summary>
    public string? PlanSha256 { get; set; }

    public long Version { get; set; }
}
