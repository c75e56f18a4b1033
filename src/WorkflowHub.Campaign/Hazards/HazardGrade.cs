namespace WorkflowHub.Campaign.Hazards;

/// <summary>The hazard's grade (隐患等级) decided at the grading task.</summary>
public enum HazardGrade
{
    Ungraded,

    /// <summary>一般隐患.</summary>
    General,

    /// <summary>重大隐患: listed for supervision and given a longer rectification period.</summary>
    Major,
}
