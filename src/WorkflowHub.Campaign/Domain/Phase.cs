namespace WorkflowHub.Campaign.Domain;

/// <summary>One of the campaign's phases (阶段), e.g. mobilisation or concentrated assault.</summary>
public sealed class Phase : IVersioned
{
    public required string Code { get; set; }
    public int Order { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
    public long Version { get; set; }
}
