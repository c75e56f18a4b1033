namespace WorkflowHub.Campaign.Domain;

/// <summary>A quantified target of an area with its deadline and responsible unit.</summary>
public sealed class Target : IVersioned
{
    public required string Code { get; set; }
    public required string AreaCode { get; set; }
    public required string MeasureZh { get; set; }
    public required string MeasureEn { get; set; }
    public decimal Value { get; set; }
    public required string Unit { get; set; }
    public DateOnly Deadline { get; set; }
    public required string ResponsibleUnitCode { get; set; }
    public long Version { get; set; }
}
