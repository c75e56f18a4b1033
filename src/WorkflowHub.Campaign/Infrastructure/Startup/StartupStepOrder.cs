namespace WorkflowHub.Campaign.Infrastructure.Startup;

/// <summary>Where each module's start-up steps run. Leave gaps so other modules can slot in between.</summary>
public static class StartupStepOrder
{
    public const int Database = 100;
    public const int CampaignPlan = 200;
    public const int Accounts = 300;
}
