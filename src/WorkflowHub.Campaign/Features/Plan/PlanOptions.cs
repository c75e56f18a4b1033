namespace WorkflowHub.Campaign.Features.Plan;

/// <summary>Configuration section <c>Campaign</c>: where the campaign plan file is.</summary>
public sealed class PlanOptions
{
    public const string SectionName = "Campaign";
    public const string DefaultPlanPath = "workflows/campaign-plan.json";

    /// <summary>The plan file; a relative path is resolved against the application's folder, where the build copies <c>workflows/</c>.</summary>
    public string PlanPath { get; set; } = DefaultPlanPath;
}
