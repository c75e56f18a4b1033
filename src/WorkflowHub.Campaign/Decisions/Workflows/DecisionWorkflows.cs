using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Engine;
using WorkflowHub.Engine.Persistence;
using WorkflowHub.Rules.Decisions;

namespace WorkflowHub.Campaign.Decisions.Workflows;

/// <summary>
/// Starts the workflow a decision calls for (an interview, an accountability referral) and records how it ended.
/// A start that fails (engine down, workflow not deployed) is retried by the next sweep, since the record stays
/// without a started instance; the business key (the decision id) lets anyone find the instance from the decision.
/// </summary>
public sealed class DecisionWorkflows(CampaignDbContext db, IServiceProvider services, TimeProvider time, ILogger<DecisionWorkflows> logger)
{
    public const string EngineUser = "system";

    /// <summary>Days the committee office has to schedule an interview.</summary>
    public const int ScheduleInterviewWithinDays = 3;

    public const string ReminderCycle = "R/P1D";

    private IWorkflowEngine? Engine => (IWorkflowEngine?)services.GetService(typeof(IWorkflowEngine));

    /// <summary>Starts the workflows of <paramref name="records"/> (tracked by this context) that call for one; returns how many started.</summary>
    public async Task<int> StartAsync(IEnumerable<DecisionRecord> records, CancellationToken cancellationToken)
    {
        if (Engine is not { } engine)
        {
            return 0;
        }

        var started = 0;
        foreach (var record in records)
        {
            if (record.StartedInstanceId is not null || DecisionWorkflowKeys.For(record.Kind) is not { } key)
            {
                continue;
            }

            try
            {
                var instance = await engine.StartInstanceAsync(key, record.Id.ToString("D"), Variables(record), EngineUser, cancellationToken);
                record.RecordStartedInstance(instance.Id, key);
                await db.SaveChangesAsync(cancellationToken);
                started++;
                logger.LogInformation("Decision {DecisionId} ({Kind}) started {Workflow} instance {InstanceId}", record.Id, record.Kind, key, instance.Id);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Decision {DecisionId} ({Kind}) could not start {Workflow}; the next sweep retries", record.Id, record.Kind, key);
            }
        }

        return started;
    }

    /// <summary>Starts the workflows of earlier decisions whose start failed.</summary>
    public async Task<int> StartPendingAsync(CancellationToken cancellationToken)
    {
        if (Engine is null)
        {
            return 0;
        }

        var kinds = DecisionWorkflowKeys.StartingKinds.ToList();
        var pending = await db.Set<DecisionRecord>()
            .Where(d => d.StartedInstanceId == null && kinds.Contains(d.Kind))
            .OrderBy(d => d.DecidedAt)
            .ToListAsync(cancellationToken);
        return await StartAsync(pending, cancellationToken);
    }

    /// <summary>Records the outcome of every started workflow that has ended since it was last looked at.</summary>
    public async Task<int> RecordOutcomesAsync(CancellationToken cancellationToken)
    {
        if (Engine is not { } engine)
        {
            return 0;
        }

        var waiting = await db.Set<DecisionRecord>()
            .Where(d => d.StartedInstanceId != null && d.Outcome == null)
            .ToListAsync(cancellationToken);
        var recorded = 0;
        foreach (var record in waiting)
        {
            var instance = await engine.GetInstanceAsync(record.StartedInstanceId!.Value, cancellationToken);
            if (instance is not null && RecordOutcome(record, instance))
            {
                recorded++;
            }
        }

        if (recorded > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return recorded;
    }

    /// <summary>Records the outcome of the decision that started <paramref name="instanceId"/>, if it has ended.</summary>
    public async Task<bool> RecordOutcomeAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        if (Engine is not { } engine)
        {
            return false;
        }

        var record = await db.Set<DecisionRecord>().SingleOrDefaultAsync(d => d.StartedInstanceId == instanceId && d.Outcome == null, cancellationToken);
        var instance = record is null ? null : await engine.GetInstanceAsync(instanceId, cancellationToken);
        if (record is null || instance is null || !RecordOutcome(record, instance))
        {
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The outcome variable when the workflow set one; otherwise how the instance ended (e.g. "Cancelled").</summary>
    private bool RecordOutcome(DecisionRecord record, InstanceView instance)
    {
        if (instance.State == InstanceState.Active)
        {
            return false;
        }

        var outcome = instance.Variables.TryGetValue(DecisionWorkflowKeys.OutcomeVariable, out var value) && value is not null
            ? Convert.ToString(value, CultureInfo.InvariantCulture) ?? instance.State.ToString()
            : instance.State.ToString();
        record.RecordOutcome(outcome, instance.EndedAt ?? time.GetUtcNow());
        return true;
    }

    private Dictionary<string, object?> Variables(DecisionRecord record)
    {
        var common = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["decisionId"] = record.Id.ToString("D"),
            ["decisionKind"] = record.Kind.ToString(),
            ["subjectType"] = record.SubjectType.ToString(),
            ["subjectId"] = record.SubjectId,
            ["subjectLabel"] = record.SubjectLabel,
            ["reasonZh"] = record.ReasonZh,
            ["reasonEn"] = record.ReasonEn,
        };
        if (record.Kind == DecisionKind.Interview)
        {
            common["interviewedUnit"] = record.AddresseeUnitCode;
            common["interviewedGroup"] = record.AddresseeUnitCode;
            common["dueSchedule"] = time.GetUtcNow().AddDays(ScheduleInterviewWithinDays).ToString("O", CultureInfo.InvariantCulture);
            common["reminderCycle"] = ReminderCycle;
        }
        else
        {
            common["referredUnit"] = record.AddresseeUnitCode;
        }

        return common;
    }
}
