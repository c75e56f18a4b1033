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
    public long Version { get; set; }
}
