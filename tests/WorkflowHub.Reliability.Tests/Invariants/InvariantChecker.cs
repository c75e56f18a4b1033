using System.Xml.Linq;
using WorkflowHub.Campaign.Hazards;

namespace WorkflowHub.Reliability.Tests.Invariants;

/// <summary>
/// Looks at a stopped server's database and lists every way it breaks what a crash must never break: acknowledged
/// work lost, tokens lost or duplicated, tasks and instances without each other, timers fired twice or never, history
/// that contradicts state, hazards out of step with their loops. Each violation names its invariant (<see cref="Invariant"/>).
/// </summary>
public sealed class InvariantChecker(TimeSpan timerMargin)
{
    private const string Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    /// <summary>Checks the file; <paramref name="asOf"/> is when the server stopped (timers due well before it must have fired).</summary>
    public IReadOnlyList<InvariantViolation> Check(string databasePath, AcknowledgedWork acknowledged, DateTimeOffset asOf) =>
        Check(DatabaseSnapshot.Read(databasePath), acknowledged, asOf);

    public IReadOnlyList<InvariantViolation> Check(DatabaseSnapshot db, AcknowledgedWork acknowledged, DateTimeOffset asOf)
    {
        var violations = new List<InvariantViolation>();
        void Fail(string invariant, string detail) => violations.Add(new InvariantViolation(invariant, detail));

        CheckAcknowledged(db, acknowledged, Fail);
        CheckRowsHaveOwners(db, Fail);
        CheckTokens(db, Fail);
        CheckTimers(db, asOf, Fail);
        CheckHistory(db, Fail);
        CheckHazardMirrors(db, Fail);
        return violations;
    }

    private static void CheckAcknowledged(DatabaseSnapshot db, AcknowledgedWork acknowledged, Action<string, string> fail)
    {
        foreach (var hazard in acknowledged.ReportedHazards)
        {
            if (!db.Hazards.TryGetValue(hazard.HazardId, out var row))
            {
                fail(Invariant.AcknowledgedPersisted, $"reported hazard {hazard.HazardId} is missing");
            }
            else if (row.InstanceId != hazard.InstanceId || !db.Instances.ContainsKey(hazard.InstanceId))
            {
                fail(Invariant.AcknowledgedPersisted, $"reported hazard {hazard.HazardId} lost its loop {hazard.InstanceId}");
            }
        }

        foreach (var id in acknowledged.StartedInstances.Where(id => !db.Instances.ContainsKey(id)))
        {
            fail(Invariant.AcknowledgedPersisted, $"started instance {id} is missing");
        }

        foreach (var (taskId, user) in acknowledged.ClaimedTasks)
        {
            if (!db.Tasks.TryGetValue(taskId, out var task) || task.Assignee != user)
            {
                fail(Invariant.AcknowledgedPersisted, $"task {taskId} claimed by {user} is missing or not assigned to them");
            }
        }

        foreach (var (taskId, user) in acknowledged.CompletedTasks)
        {
            if (!db.Tasks.TryGetValue(taskId, out var task) || task.State != Stored.TaskCompleted || task.CompletedBy != user)
            {
                fail(Invariant.AcknowledgedPersisted, $"task {taskId} completed by {user} is not stored as completed by them");
            }
        }
    }

    /// <summary>No task, job or subscription without its instance; open ones belong to an active instance that knows them.</summary>
    private static void CheckRowsHaveOwners(DatabaseSnapshot db, Action<string, string> fail)
    {
        foreach (var task in db.Tasks.Values)
        {
            if (!db.Instances.TryGetValue(task.InstanceId, out var instance))
            {
                fail(Invariant.NoOrphans, $"task {task.Id} ({task.ElementId}) has no instance {task.InstanceId}");
            }
            else if (task.State == Stored.TaskActive && (instance.State != Stored.InstanceActive || !instance.Document.Executions.Any(e => e.TaskId == task.Id)))
            {
                fail(Invariant.NoOrphans, $"open task {task.Id} ({task.ElementId}) is not awaited by its instance {task.InstanceId}");
            }
        }

        foreach (var job in db.Jobs.Values.Where(j => j.InstanceId is not null))
        {
            if (!db.Instances.TryGetValue(job.InstanceId!.Value, out var instance) || instance.State != Stored.InstanceActive
                || !instance.Document.Executions.Any(e => e.Id == job.ExecutionId && e.Jobs.Contains(job.Id)))
            {
                fail(Invariant.NoOrphans, $"job {job.Id} ({job.ElementId}) is not owned by an active instance {job.InstanceId}");
            }
        }

        foreach (var subscription in db.Subscriptions.Values.Where(s => s.InstanceId is not null))
        {
            if (!db.Instances.TryGetValue(subscription.InstanceId!.Value, out var instance) || instance.State != Stored.InstanceActive
                || !instance.Document.Executions.Any(e => e.Id == subscription.ExecutionId && e.Subscriptions.Contains(subscription.Id)))
            {
                fail(Invariant.NoOrphans, $"subscription {subscription.Id} ({subscription.ElementId}) is not owned by an active instance {subscription.InstanceId}");
            }
        }

        foreach (var hazard in db.Hazards.Values.Where(h => h.InstanceId is { } id && !db.Instances.ContainsKey(id)))
        {
            fail(Invariant.NoOrphans, $"hazard {hazard.Id} points at a missing instance {hazard.InstanceId}");
        }
    }

    /// <summary>Every active instance waits on something real; every token's wait exists; no token twice in one place.</summary>
    private static void CheckTokens(DatabaseSnapshot db, Action<string, string> fail)
    {
        foreach (var instance in db.Instances.Values.Where(i => i.State == Stored.InstanceActive))
        {
            var executions = instance.Document.Executions;
            if (!executions.Any(e => e.WaitsOnSomething))
            {
                fail(Invariant.NoLostToken, $"active instance {instance.Id} waits on no task, job, subscription, call or incident");
            }

            foreach (var token in executions.Where(e => e.Kind == ExecutionView.TokenKind))
            {
                if (token.Wait == ExecutionView.NoWait)
                {
                    fail(Invariant.NoLostToken, $"instance {instance.Id}: token {token.Id} at {token.ElementId} is stored mid-flight (waiting on nothing)");
                }

                if (token.Wait == ExecutionView.UserTaskWait && (token.TaskId is not { } taskId || !db.Tasks.TryGetValue(taskId, out var task)
                    || task.State != Stored.TaskActive || task.InstanceId != instance.Id))
                {
                    fail(Invariant.NoLostToken, $"instance {instance.Id}: token {token.Id} at {token.ElementId} waits on a task that is not open");
                }

                foreach (var jobId in token.Jobs.Where(id => !db.Jobs.ContainsKey(id)))
                {
                    fail(Invariant.NoLostToken, $"instance {instance.Id}: token {token.Id} at {token.ElementId} waits on missing job {jobId}");
                }

                foreach (var subscriptionId in token.Subscriptions.Where(id => !db.Subscriptions.ContainsKey(id)))
                {
                    fail(Invariant.NoLostToken, $"instance {instance.Id}: token {token.Id} at {token.ElementId} waits on missing subscription {subscriptionId}");
                }

                if (token.CalledInstanceId is { } called && !db.Instances.ContainsKey(called))
                {
                    fail(Invariant.NoLostToken, $"instance {instance.Id}: token {token.Id} waits on missing called instance {called}");
                }

                if (token.IncidentId is { } incident && !db.Incidents.ContainsKey(incident))
                {
                    fail(Invariant.NoLostToken, $"instance {instance.Id}: token {token.Id} waits on missing incident {incident}");
                }
            }

            var parents = executions.ToDictionary(e => e.Id);
            var duplicates = executions
                .Where(e => e.Kind == ExecutionView.TokenKind && e.ElementId is not null)
                .Where(e => e.ParentId is not { } parent || !parents.TryGetValue(parent, out var scope) || scope.Kind != ExecutionView.MultiInstanceBodyKind)
                .GroupBy(e => (e.ParentId, e.ElementId, e.ArrivedVia))
                .Where(g => g.Count() > 1);
            foreach (var group in duplicates)
            {
                fail(Invariant.NoDuplicatedToken, $"instance {instance.Id}: {group.Count()} tokens at {group.Key.ElementId} in scope {group.Key.ParentId}");
            }

            var openTasks = db.Tasks.Values.Where(t => t.InstanceId == instance.Id && t.State == Stored.TaskActive).GroupBy(t => t.ElementId);
            foreach (var group in openTasks.Where(g => g.Count() > 1 && !IsMultiInstanceElement(instance, g.Key)))
            {
                fail(Invariant.NoDuplicatedToken, $"instance {instance.Id}: {group.Count()} open tasks at {group.Key}");
            }
        }
    }

    private static bool IsMultiInstanceElement(InstanceRow instance, string elementId) =>
        instance.Document.Executions.Any(e => e.Kind == ExecutionView.MultiInstanceBodyKind && e.ElementId == elementId);

    /// <summary>A one-shot timer fires at most once per arrival at its element (or its host activity), and a due one fires.</summary>
    private void CheckTimers(DatabaseSnapshot db, DateTimeOffset asOf, Action<string, string> fail)
    {
        foreach (var job in db.Jobs.Values.Where(j => j.DueAt < asOf - timerMargin && j.Retries > 0))
        {
            var what = job.Kind == Stored.JobTimer ? "timer" : "job";
            fail(Invariant.TimerFiredOnce, $"{what} {job.Id} at {job.ElementId} of instance {job.InstanceId} was due {job.DueAt:O} and never ran (stopped {asOf:O})");
        }

        var started = db.History.Where(h => h.Type == Stored.HistoryActivityStarted && h.ElementId is not null)
            .GroupBy(h => (h.InstanceId, h.ElementId!)).ToDictionary(g => g.Key, g => g.Count());
        var fired = db.History.Where(h => h.Type == Stored.HistoryTimerFired && h.ElementId is not null)
            .GroupBy(h => (h.InstanceId, ElementId: h.ElementId!));
        var timersByDefinition = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        foreach (var group in fired)
        {
            if (!db.Instances.TryGetValue(group.Key.InstanceId, out var instance))
            {
                continue;
            }

            if (!timersByDefinition.TryGetValue(instance.DefinitionId, out var oneShotTimers))
            {
                oneShotTimers = db.DefinitionXml.TryGetValue(instance.DefinitionId, out var xml) ? OneShotTimers(xml) : new Dictionary<string, string>();
                timersByDefinition[instance.DefinitionId] = oneShotTimers;
            }

            // A one-shot timer is armed once per start of the element it waits at (catch event) or guards (boundary).
            if (oneShotTimers.TryGetValue(group.Key.ElementId, out var armedBy))
            {
                var arms = started.GetValueOrDefault((group.Key.InstanceId, armedBy));
                if (group.Count() > arms)
                {
                    fail(Invariant.TimerFiredOnce, $"instance {group.Key.InstanceId}: timer {group.Key.ElementId} fired {group.Count()} times but was armed {arms} times");
                }
            }
        }
    }

    /// <summary>Timer events without a cycle → the element whose start arms them (itself, or the boundary's host).</summary>
    private static Dictionary<string, string> OneShotTimers(string xml)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var document = XDocument.Parse(xml);
        foreach (var timer in document.Descendants(XName.Get("timerEventDefinition", Bpmn)))
        {
            if (timer.Element(XName.Get("timeCycle", Bpmn)) is not null || timer.Parent is not { } node || (string?)node.Attribute("id") is not { } id)
            {
                continue;
            }

            switch (node.Name.LocalName)
            {
                case "intermediateCatchEvent":
                    result[id] = id;
                    break;
                case "boundaryEvent" when (string?)node.Attribute("attachedToRef") is { } host:
                    result[id] = host;
                    break;
            }
        }

        return result;
    }

    /// <summary>History tells the same story as the rows: ends recorded, each task created and completed once, no gaps in sequence.</summary>
    private static void CheckHistory(DatabaseSnapshot db, Action<string, string> fail)
    {
        var byInstance = db.History.GroupBy(h => h.InstanceId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var instance in db.Instances.Values)
        {
            var history = byInstance.GetValueOrDefault(instance.Id) ?? [];
            if (history.Count(h => h.Type == Stored.HistoryInstanceStarted) != 1)
            {
                fail(Invariant.HistoryMatchesState, $"instance {instance.Id} has {history.Count(h => h.Type == Stored.HistoryInstanceStarted)} start entries");
            }

            var ends = history.Count(h => h.Type is Stored.HistoryInstanceCompleted or Stored.HistoryInstanceTerminated or Stored.HistoryInstanceCancelled);
            if (instance.State == Stored.InstanceActive && ends > 0)
            {
                fail(Invariant.HistoryMatchesState, $"active instance {instance.Id} has an end in its history");
            }

            if (instance.State != Stored.InstanceActive && (ends != 1 || instance.EndedAtTicks is null))
            {
                fail(Invariant.HistoryMatchesState, $"ended instance {instance.Id} has {ends} end entries (ended at {instance.EndedAtTicks})");
            }

            if (instance.State == Stored.InstanceCompleted && !history.Any(h => h.ElementType == "endEvent"))
            {
                fail(Invariant.HistoryMatchesState, $"completed instance {instance.Id} never reached an end event");
            }

            foreach (var repeated in history.GroupBy(h => h.Sequence).Where(g => g.Count() > 1))
            {
                fail(Invariant.HistoryMatchesState, $"instance {instance.Id} has {repeated.Count()} history entries with sequence {repeated.Key}");
            }
        }

        var taskEntries = db.History.Where(h => h.TaskId is not null).GroupBy(h => h.TaskId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var task in db.Tasks.Values)
        {
            var entries = taskEntries.GetValueOrDefault(task.Id) ?? [];
            var created = entries.Count(e => e.Type == Stored.HistoryTaskCreated);
            var completed = entries.Count(e => e.Type == Stored.HistoryTaskCompleted);
            if (created != 1)
            {
                fail(Invariant.HistoryMatchesState, $"task {task.Id} has {created} creation entries");
            }

            if (completed != (task.State == Stored.TaskCompleted ? 1 : 0))
            {
                fail(Invariant.HistoryMatchesState, $"task {task.Id} in state {task.State} has {completed} completion entries");
            }
        }
    }

    /// <summary>A hazard row mirrors its loop: the state of the open task, a grade once grading is done, closed when the loop ended.</summary>
    private static void CheckHazardMirrors(DatabaseSnapshot db, Action<string, string> fail)
    {
        var tasksByInstance = db.Tasks.Values.ToLookup(t => t.InstanceId);
        foreach (var hazard in db.Hazards.Values.Where(h => h.InstanceId is not null))
        {
            if (!db.Instances.TryGetValue(hazard.InstanceId!.Value, out var instance))
            {
                continue;
            }

            var tasks = tasksByInstance[instance.Id].ToList();
            var open = tasks.Where(t => t.State == Stored.TaskActive).Select(t => HazardWorkflow.StateAt(t.ElementId)).OfType<HazardState>().ToList();
            if (instance.State == Stored.InstanceActive && open.Count == 1 && open[0].ToString() != hazard.State)
            {
                fail(Invariant.HazardMirrorsLoop, $"hazard {hazard.Id} says {hazard.State} while its open task means {open[0]}");
            }

            if (instance.State == Stored.InstanceCompleted && hazard.State != nameof(HazardState.Closed))
            {
                fail(Invariant.HazardMirrorsLoop, $"hazard {hazard.Id} says {hazard.State} although its loop completed");
            }

            var graded = tasks.Any(t => t.ElementId == HazardWorkflow.Elements.GradeHazard && t.State == Stored.TaskCompleted);
            if (graded && hazard.Grade == nameof(HazardGrade.Ungraded))
            {
                fail(Invariant.HazardMirrorsLoop, $"hazard {hazard.Id} was graded in its loop but is stored ungraded");
            }
        }
    }
}

/// <summary>One broken invariant, with what exactly is wrong.</summary>
public sealed record InvariantViolation(string Invariant, string Detail)
{
    public override string ToString() => $"[{Invariant}] {Detail}";
}

/// <summary>The names of the invariants the checker enforces.</summary>
public static class Invariant
{
    public const string AcknowledgedPersisted = "acknowledged-persisted";
    public const string NoOrphans = "no-orphans";
    public const string NoLostToken = "no-lost-token";
    public const string NoDuplicatedToken = "no-duplicated-token";
    public const string TimerFiredOnce = "timer-fired-once";
    public const string HistoryMatchesState = "history-matches-state";
    public const string HazardMirrorsLoop = "hazard-mirrors-loop";
}
