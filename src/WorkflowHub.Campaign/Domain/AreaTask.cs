namespace WorkflowHub.Campaign.Domain;

/// <summary>A numbered task of an area (一是, 二是 …).</summary>
public sealed class AreaTask : IVersioned
{
    public required string AreaCode { get; set; }
    public int Number { get; set; }
    public required string TextZh { get; set; }
    public required string SummaryEn { get; set; }
    public long Version { get; set; }
}
