using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkflowHub.Campaign.Features.Plan;
using WorkflowHub.Campaign.Infrastructure.Startup;
using WorkflowHub.Campaign.Plan;
using WorkflowHub.Engine;
using WorkflowHub.Engine.Persistence;

namespace WorkflowHub.Campaign.Workflows.CampaignProcess;

/// <summary>
/// Starts the plan's <c>campaign</c> process once the workflows are deployed, unless it already has one (running or
/// ended): one instance per plan, its business key the plan code, so restarts and further nodes start nothing.
/// </summary>
public sealed partial class StartCampaignStep(
    IWorkflowEngine engine,
    TimeProvider time,
    IOptions<CampaignProcessOptions> options,
    IOptions<PlanOptions> planOptions,
    ILogger<StartCampaignStep> logger) : IStartupStep
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.AutoStart)
        {
            return;
        }

        if (await engine.Queries.FindLatestDefinitionAsync(CampaignWorkflow.ProcessKey, cancellationToken) is null)
        {
            LogNotDeployed(logger, CampaignWorkflow.ProcessKey);
            return;
        }

        // The plan import step before this one has already refused a broken file. A restart finds the campaign running:
        // the plan's code is enough to see that, and the whole plan is loaded only to start one.
        var planPath = Path.GetFullPath(planOptions.Value.PlanPath, AppContext.BaseDirectory);
        if (CampaignPlanCodeReader.TryRead(planPath, out var code) && await ExistsAsync(engine, CampaignProcessVariables.PlanCode(code), cancellationToken))
        {
            return;
        }

        var plan = CampaignPlanLoader.LoadFromFile(planPath);
        var instance = await StartAsync(engine, plan, settings.TimeScale, time.GetUtcNow(), cancellationToken);
        if (instance is not null)
        {
            LogStarted(logger, instance.Id, instance.BusinessKey, settings.TimeScale);
        }
    }

    /// <summary>Starts the campaign of <paramref name="plan"/> unless one exists; returns the new instance, or null when there was one.</summary>
    public static async Task<InstanceView?> StartAsync(IWorkflowEngine engine, CampaignPlan plan, double timeScale, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var planCode = CampaignProcessVariables.PlanCode(plan);
        if (await ExistsAsync(engine, planCode, cancellationToken))
        {
            return null;
        }

        var calendar = new CampaignCalendar(plan.Campaign.Start, timeScale, now);
        var variables = CampaignProcessVariables.Build(plan, calendar);
        return await engine.StartInstanceAsync(CampaignWorkflow.ProcessKey, planCode, variables, CampaignWorkflow.StartedBy, cancellationToken);
    }

    private static async Task<bool> ExistsAsync(IWorkflowEngine engine, string planCode, CancellationToken cancellationToken)
    {
        var existing = await engine.Queries.QueryInstancesAsync(
            new InstanceQuery { DefinitionKey = CampaignWorkflow.ProcessKey, BusinessKey = planCode, Take = 1 },
            cancellationToken);
        return existing.Items.Count > 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Key} process is not deployed, so the campaign was not started")]
    private static partial void LogNotDeployed(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign process {InstanceId} started for plan {PlanCode} (time scale {TimeScale})")]
    private static partial void LogStarted(ILogger logger, Guid instanceId, string? planCode, double timeScale);
}
