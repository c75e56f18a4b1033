namespace WorkflowHub.Rules.Facts;

/// <summary>How a hazard came to be known: self-inspection (自查自报) earns guidance instead of penalties.</summary>
public enum HazardSource
{
    SelfInspection,
    Inspection,
    PublicReport,
}
