using WorkflowHub.Campaign.Infrastructure.Startup;

namespace WorkflowHub.Campaign.Hazards.Demo;

public static class DemoHazardsStartupOrder
{
    /// <summary>After the workflows are deployed (accounts + 100), since every hazard starts its loop.</summary>
    public const int DemoHazards = StartupStepOrder.Accounts + 200;
}
