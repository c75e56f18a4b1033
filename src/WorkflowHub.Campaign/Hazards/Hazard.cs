using WorkflowHub.Campaign.Domain;

namespace WorkflowHub.Campaign.Hazards;

/// <summary>
/// One hazard's file (一患一档): what was found, where, who must rectify it, and where its rectification loop stands.
/// <see cref="State"/>, <see cref="Grade"/>, <see cref="DueAt"/> and <see cref="RejectionCount"/> mirror the
/// hazard's workflow instance so lists and rules can be answered from this row alone.
/// </summary>
public sealed class Hazard : IVersioned
{
    public Guid Id { get; set; }

    /// <summary>"YH" + year + six-digit sequence, e.g. YH2020000123; unique.</summary>
    public required string Number { get; set; }

    public required string Title { get; set; }
    public required string Description { get; set; }
    public required string AreaCode { get; set; }
    public required string DistrictCode { get; set; }

    /// <summary>The area's lead unit unless the reporter named another unit.</summary>
    public required string ResponsibleUnitCode { get; set; }

    public string? EnterpriseUnitCode { get; set; }
    public string? EnterpriseName { get; set; }
    public HazardSource Source { get; set; }
    public DateTimeOffset FoundAt { get; set; }
    public string? Location { get; set; }
    public HazardGrade Grade { get; set; }
    public HazardState State { get; set; }
    public bool ListedForSupervision { get; set; }
    public DateTimeOffset? GradedAt { get; set; }

    /// <summary>The rectification deadline once the hazard is graded.</summary>
    public DateTimeOffset? DueAt { get; set; }

    public DateTimeOffset? RectifiedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public int RejectionCount { get; set; }
    /// <summary>
    /// Set once, by <see cref="Features.Hazards.LinkHazardToAccident"/>, when an accident is traced to this hazard; the
    /// escalation rules then refer the responsible unit to the judicial authorities (移交司法). The accident fields
    /// below are filled together with it and never changed afterwards.
    /// </summary>
    public bool LinkedToAccident { get; set; }

    /// <summary>The accident's report number (事故报告编号) as the investigating authority issued it.</summary>
    public string? AccidentReference { get; set; }

    /// <summary>The day the accident happened (the city's calendar).</summary>
    public DateOnly? AccidentDate { get; set; }

    public string? AccidentDescription { get; set; }

    public string? AccidentLinkedBy { get; set; }

    public DateTimeOffset? AccidentLinkedAt { get; set; }
    public Guid? InstanceId { get; set; }
    public required string ReportedBy { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    public long Version { get; set; }
}
