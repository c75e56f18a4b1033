namespace WorkflowHub.Campaign.Hazards;

/// <summary>A progress report on a quantified target: the value reached as of a date, by its responsible unit.</summary>
public sealed class TargetReport
{
    public Guid Id { get; set; }
    public required string TargetCode { get; set; }
    public decimal Value { get; set; }
    public DateOnly AsOf { get; set; }
    public string? EvidenceNote { get; set; }
    public required string ReportedBy { get; set; }
    public required string OrgUnitCode { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
}
