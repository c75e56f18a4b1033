namespace WorkflowHub.Campaign.Hazards;

/// <summary>How a hazard came to light.</summary>
public enum HazardSource
{
    /// <summary>企业自查: the enterprise's own self-inspection.</summary>
    SelfInspection,

    /// <summary>监管检查: an inspection by a department or district.</summary>
    Inspection,

    /// <summary>群众举报: a report from the public.</summary>
    PublicReport,
}
