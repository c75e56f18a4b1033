namespace WorkflowHub.Rules.Decisions;

/// <summary>What a decision is about.</summary>
public enum SubjectType
{
    Hazard,
    Target,
    Task,
    Department,
}
