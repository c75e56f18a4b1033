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

        // Two single-pass reads (the open hazards' loop columns, then where every active task stands) find the hazards
        // that can be out of step; only those are checked task by task. A restart with nothing interrupted issues no
        // per-hazard query.
        var open = await db.Hazards.AsNoTracking()
            .Where(h => h.InstanceId != null && h.State != HazardState.Closed)
            .Select(h => new OpenHazard(h.Id, h.InstanceId!.Value, h.State, h.GradedAt))
            .ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return;
        }

        var activeTasks = await ActiveHazardTasksAsync(cancellationToken);
        var suspects = open.Where(hazard => CanBeOutOfStep(hazard, activeTasks.GetValueOrDefault(hazard.InstanceId))).ToList();

        var repaired = 0;
        foreach (var suspect in suspects)
        {
            var hazard = await db.Hazards.AsNoTracking().SingleAsync(h => h.Id == suspect.Id, cancellationToken);
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

    /// <summary>The loop columns of an open hazard, all the bulk read needs.</summary>
    private sealed record OpenHazard(Guid Id, Guid InstanceId, HazardState State, DateTimeOffset? GradedAt);

    /// <summary>
    /// Out of step only if the open task maps to another state than the row's, or the row has no grading while its loop
    /// is no longer waiting for one (the grading task was completed, or nothing is open).
    /// </summary>
    private static bool CanBeOutOfStep(OpenHazard hazard, string? activeElement)
    {
        var activeState = activeElement is null ? null : HazardWorkflow.StateAt(activeElement);
        if (activeState is not null && activeState != hazard.State)
        {
            return true;
        }

        return hazard.GradedAt is null && activeElement != HazardWorkflow.Elements.GradeHazard;
    }

    /// <summary>The element of each hazard loop's active user task, by instance (a loop has one open task at a time).</summary>
    private async Task<Dictionary<Guid, string>> ActiveHazardTasksAsync(CancellationToken cancellationToken)
    {
        var byInstance = new Dictionary<Guid, string>();
        await foreach (var task in engine.Queries.StreamActiveTaskPositionsAsync(cancellationToken))
        {
            if (task.DefinitionKey == HazardWorkflow.ProcessKey && HazardWorkflow.StateAt(task.ElementId) is not null)
            {
                byInstance.TryAdd(task.InstanceId, task.ElementId);
            }
        }

        return byInstance;
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
