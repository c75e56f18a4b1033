using WorkflowHub.Campaign.Infrastructure.Startup;

namespace WorkflowHub.Campaign.Workflows.Startup;

/// <summary>Where the workflow module's start-up steps slot into <see cref="StartupStepOrder"/>.</summary>
public static class WorkflowStartupOrder
{
    /// <summary>Right after the campaign's migrations: both live in one file, and the engine's tables must exist before anything deploys.</summary>
    public const int EngineDatabase = StartupStepOrder.Database + 10;

    /// <summary>After accounts, so everything the campaign seeds exists when the workflows go live.</summary>
    public const int DeployWorkflows = StartupStepOrder.Accounts + 100;

    /// <summary>Right after the deployment, which it needs; before the demo hazards, which do not need it.</summary>
    public const int StartCampaign = DeployWorkflows + 10;
}
