namespace WorkflowHub.Campaign.Plan;

/// <summary>Lengths the plan's fields must fit in, so that every entry the loader accepts can be stored.</summary>
public static class PlanFieldLimits
{
    public const int Code = 64;
    public const int Name = 200;
    public const int Unit = 32;
    public const int Text = 4000;
}
