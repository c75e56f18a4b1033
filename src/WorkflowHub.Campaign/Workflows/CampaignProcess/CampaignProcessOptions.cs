namespace WorkflowHub.Campaign.Workflows.CampaignProcess;

/// <summary>Configuration section <c>Campaign</c>: whether the server starts the <c>campaign</c> process, and how fast its calendar runs.</summary>
public sealed class CampaignProcessOptions
{
    public const string SectionName = "Campaign";

    /// <summary>Start the plan's campaign process at start-up when it has none yet (one instance per plan).</summary>
    public bool AutoStart { get; set; } = true;

    /// <summary>
    /// How many plan days pass per real day: 1 keeps the plan's own dates; 1440 runs one plan day per minute, counted
    /// from the moment the process starts. Read once, when the process starts: its dates are then fixed.
    /// </summary>
    public double TimeScale { get; set; } = 1;
}
