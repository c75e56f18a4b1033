using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Startup;
using WorkflowHub.Engine;
using WorkflowHub.Engine.Persistence;

namespace WorkflowHub.Campaign.Hazards;

/// <summary>
/// Brings hazard rows back in step with their loops at start-up. <see cref="HazardWorkflowListener"/> runs after the
/// engine's command has committed, so a server killed in between leaves the task completed in the engine but the
/// hazard still showing the old state, no grade and the report-time deadlines. This step replays, for each open
/// hazard, the listener's work the crash lost: the grading (grade, deadlines) and the state of the open task.
/// </summary>
public sealed class HazardLoopResyncStep(
    CampaignDbContext db,
    IWorkflowEngine engine,
    IEnumerable<IEngineEventListener> listeners,
    ILogger<HazardLoopResyncStep> logger) : IStartupStep
{
    /// <summary>After the workflows are deployed (accounts + 100) and before demo hazards are generated (accounts + 200).</summary>
    public const int Order = StartupStepOrder.Accounts + 150;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var listener = listeners.OfType<HazardWorkflowListener>().Single();
        var open = await db.Hazards.AsNoTracking()
            .Where(h => h.InstanceId != null && h.State != HazardState.Closed)
            .ToListAsync(cancellationToken);

        var repaired = 0;
        foreach (var hazard in open)
        {
            if (await ResyncAsync(listener, hazard, cancellationToken))
            {
                repaired++;
            }
        }

        if (repaired > 0)
        {
            logger.LogWarning("Brought {Count} hazards back in step with their workflow after an interrupted run", repaired);
        }
    }

    private async Task<bool> ResyncAsync(HazardWorkflowListener listener, Hazard hazard, CancellationToken cancellationToken)
    {
        var tasks = await engine.Queries.QueryTasksAsync(
            new TaskQuery { InstanceId = hazard.InstanceId, State = null, Take = 1000 }, cancellationToken);
        var repaired = false;

        var grading = tasks.Items.FirstOrDefault(t => t.ElementId == HazardWorkflow.Elements.GradeHazard && t.State == UserTaskState.Completed);
        if (grading is not null && hazard.GradedAt is null)
        {
            await listener.OnTaskCompletedAsync(grading, cancellationToken);
            repaired = true;
        }

        var current = tasks.Items.FirstOrDefault(t => t.State == UserTaskState.Active && HazardWorkflow.StateAt(t.ElementId) is not null);
        if (current is not null && HazardWorkflow.StateAt(current.ElementId) != hazard.State)
        {
            await listener.OnTaskCreatedAsync(current, cancellationToken);
            repaired = true;
        }

        return repaired;
    }
}
