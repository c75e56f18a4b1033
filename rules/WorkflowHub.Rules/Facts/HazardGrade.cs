namespace WorkflowHub.Rules.Facts;

/// <summary>The grade a hazard carries after assessment (一般 / 重大).</summary>
public enum HazardGrade
{
    Ungraded,
    General,
    Major,
}
