namespace WorkflowHub.Campaign.Plan;

/// <summary>The plan works through 2 topics (专题) and 16 sectors (行业领域).</summary>
public enum AreaKind
{
    Topic,
    Sector,
}
