using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Campaign.Hazards.Changes;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Engine;
using WorkflowHub.Engine.EntityFrameworkCore.Transactions;
using WorkflowHub.Engine.Persistence;

namespace WorkflowHub.Campaign.Hazards;

/// <summary>
/// Keeps each hazard row in step with its loop after every task change: state from the open task, grade and
/// deadlines after grading, rejections and the rectification date from the instance's variables. Once saved, a
/// completed step (graded, rectified, accepted or rejected) is published as a <see cref="HazardChange"/>, so the
/// escalation rules answer it at once (a major grade is listed for supervision there and then).
/// </summary>
public sealed class HazardWorkflowListener(IServiceScopeFactory scopeFactory, TimeProvider timeProvider, HazardChangePublisher changes) : IEngineEventListener
{
    private const int MaxSyncAttempts = 5;

    public Task OnTaskCreatedAsync(UserTaskRecord task, CancellationToken cancellationToken) =>
        IsHazardTask(task) ? SyncAsync(task, completed: false, cancellationToken) : Task.CompletedTask;

    public Task OnTaskCompletedAsync(UserTaskRecord task, CancellationToken cancellationToken) =>
        IsHazardTask(task) ? SyncAsync(task, completed: true, cancellationToken) : Task.CompletedTask;

    // A command run inside an application transaction (reporting, import, demo data) keeps its hazards in step itself:
    // a second connection writing here would wait on that transaction's lock.
    private static bool IsHazardTask(UserTaskRecord task) =>
        task.DefinitionKey == HazardWorkflow.ProcessKey && EngineTransactionScope.Current is null;

    /// <summary>
    /// Another command may save the same hazard between this read and this save (its version moves on). The mirror is
    /// computed afresh from the loop each time, so it is read and applied again instead of being lost until a restart.
    /// </summary>
    private async Task SyncAsync(UserTaskRecord task, bool completed, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SyncOnceAsync(task, completed, cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxSyncAttempts)
            {
            }
        }
    }

    private async Task SyncOnceAsync(UserTaskRecord task, bool completed, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<CampaignDbContext>();
        var hazard = await db.Hazards.SingleOrDefaultAsync(h => h.InstanceId == task.InstanceId, cancellationToken);
        if (hazard is null)
        {
            return;
        }

        var engine = scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
        var instance = await engine.GetInstanceAsync(task.InstanceId, cancellationToken);
        if (instance is null)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        Dictionary<string, object?>? newDeadlines = null;
        if (completed && task.ElementId == HazardWorkflow.Elements.GradeHazard)
        {
            var grade = HazardWorkflow.ParseGrade(instance.Variables.GetValueOrDefault(HazardWorkflow.Variables.Grade));
            hazard.Grade = grade;
            hazard.GradedAt = task.CompletedAt ?? now;
            var dates = scope.ServiceProvider.GetRequiredService<HazardDeadlines>().AfterGrading(hazard.GradedAt.Value, grade);
            hazard.DueAt = dates.Rectification;
            newDeadlines = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [HazardWorkflow.Variables.DuePlan] = HazardWorkflow.Iso(dates.Plan),
                [HazardWorkflow.Variables.DueRectification] = HazardWorkflow.Iso(dates.Rectification),
                [HazardWorkflow.Variables.DueAcceptance] = HazardWorkflow.Iso(dates.Acceptance),
            };
        }

        if (completed && task.ElementId == HazardWorkflow.Elements.Rectify)
        {
            hazard.RectifiedAt = task.CompletedAt ?? now;
        }

        if (instance.Variables.GetValueOrDefault(HazardWorkflow.Variables.RejectionCount) is { } rejections
            && int.TryParse(Convert.ToString(rejections, System.Globalization.CultureInfo.InvariantCulture), out var count))
        {
            hazard.RejectionCount = count;
        }

        // Only while the loop still waits at this task: the event of a task the loop has already left (its listener ran
        // after the next task's, or is applied again after a concurrent save) must not set the state back.
        if (!completed && HazardWorkflow.StateAt(task.ElementId) is { } state && hazard.State != HazardState.Closed
            && instance.ActiveElementIds.Contains(task.ElementId))
        {
            hazard.State = state;
            if (state == HazardState.Rectifying && hazard.RejectionCount > 0)
            {
                // Sent back by acceptance: the earlier rectification no longer counts.
                hazard.RectifiedAt = null;
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        if (newDeadlines is not null)
        {
            // Rectification has not begun yet, so its timers will use the grade's deadline.
            await engine.SetVariablesAsync(task.InstanceId, newDeadlines, "system", cancellationToken);
        }

        if (completed && ChangeOf(task, hazard, instance.Variables) is { } change)
        {
            await changes.PublishAsync(change, cancellationToken);
        }
    }

    private static HazardChange? ChangeOf(UserTaskRecord task, Hazard hazard, IReadOnlyDictionary<string, object?> variables)
    {
        var by = task.CompletedBy is null ? string.Empty : $" by {task.CompletedBy}";
        var step = $"{HazardWorkflow.ProcessKey}/{task.ElementId}{by}";
        switch (task.ElementId)
        {
            case HazardWorkflow.Elements.GradeHazard:
                return new(hazard.Id, hazard.Number, HazardChangeKind.Graded, $"hazard {hazard.Number} graded {HazardWorkflow.GradeWord(hazard.Grade)} ({step})");
            case HazardWorkflow.Elements.Rectify:
                return new(hazard.Id, hazard.Number, HazardChangeKind.Rectified, $"hazard {hazard.Number} rectified ({step})");
            case HazardWorkflow.Elements.AcceptGeneral or HazardWorkflow.Elements.AcceptMajor:
                var accepted = variables.GetValueOrDefault(HazardWorkflow.Variables.Accepted) is true or "true";
                return accepted
                    ? new(hazard.Id, hazard.Number, HazardChangeKind.AcceptancePassed, $"hazard {hazard.Number} passed acceptance ({step})")
                    : new(hazard.Id, hazard.Number, HazardChangeKind.AcceptanceRejected, $"hazard {hazard.Number} failed acceptance, rejection {hazard.RejectionCount} ({step})");
            default:
                return null;
        }
    }
}
