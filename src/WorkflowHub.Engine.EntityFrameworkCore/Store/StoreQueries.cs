using Microsoft.EntityFrameworkCore;
using WorkflowHub.Engine.EntityFrameworkCore.Model;

namespace WorkflowHub.Engine.EntityFrameworkCore.Store;

/// <summary>The API's filtered queries, composed only from the filters actually given so each runs on its index.</summary>
internal static class StoreQueries
{
    public static IQueryable<InstanceRecord> Instances(EngineDbContext db, InstanceQuery query)
    {
        var q = db.Instances.AsNoTracking();
        if (query.DefinitionKey is { } key)
        {
            q = q.Where(i => i.DefinitionKey == key);
        }

        if (query.DefinitionId is { } definitionId)
        {
            q = q.Where(i => i.DefinitionId == definitionId);
        }

        if (query.BusinessKey is { } businessKey)
        {
            q = q.Where(i => i.BusinessKey == businessKey);
        }

        if (query.State is { } state)
        {
            q = q.Where(i => i.State == state);
        }

        if (query.ParentInstanceId is { } parent)
        {
            q = q.Where(i => i.ParentInstanceId == parent);
        }

        return q;
    }

    public static IQueryable<UserTaskRecord> Tasks(EngineDbContext db, TaskQuery query)
    {
        var q = db.Tasks.AsNoTracking();
        if (query.State is { } state)
        {
            q = q.Where(t => t.State == state);
        }

        if (query.Assignee is { } assignee)
        {
            q = q.Where(t => t.Assignee == assignee);
        }

        var offeredTo = query.CandidateUser is not null || query.CandidateGroups is not null;
        if (query.Unassigned is { } unassigned)
        {
            // An inbox of offered tasks starts at engine_task_candidates. "assignee IS NULL" would tempt SQLite into the
            // (assignee, state) index, whose statistics average over every assignee although most open tasks have
            // none: it would then read every unassigned task. COALESCE keeps it a check on the covering index instead.
            q = (unassigned, offeredTo) switch
            {
                (true, true) => q.Where(t => (t.Assignee ?? string.Empty) == string.Empty),
                (true, false) => q.Where(t => t.Assignee == null),
                _ => q.Where(t => t.Assignee != null),
            };
        }

        if (query.InstanceId is { } instanceId)
        {
            q = q.Where(t => t.InstanceId == instanceId);
        }

        if (query.BusinessKey is { } businessKey)
        {
            q = q.Where(t => t.BusinessKey == businessKey);
        }

        if (query.BusinessKeys is { } businessKeys)
        {
            q = q.Where(t => t.BusinessKey != null && businessKeys.Contains(t.BusinessKey));
        }

        if (query.DefinitionKey is { } definitionKey)
        {
            q = q.Where(t => t.DefinitionKey == definitionKey);
        }

        if (query.ElementId is { } elementId)
        {
            q = q.Where(t => t.ElementId == elementId);
        }

        if (query.DueBefore is { } dueBefore)
        {
            q = q.Where(t => t.DueDate != null && t.DueDate < dueBefore);
        }

        if (offeredTo)
        {
            var offered = CandidateTaskIds(db, query.CandidateUser, query.CandidateGroups);
            q = q.Where(t => offered.Contains(t.Id));
        }

        return q;
    }

    /// <summary>Ids of tasks offered to the user directly or to any of the groups: index seeks on engine_task_candidates(kind, value).</summary>
    private static IQueryable<Guid> CandidateTaskIds(EngineDbContext db, string? user, IReadOnlyList<string>? groups)
    {
        var groupList = groups?.Distinct(StringComparer.Ordinal).ToList() ?? [];
        var candidates = db.TaskCandidates.AsNoTracking();
        candidates = (user, groupList.Count) switch
        {
            (not null, > 0) => candidates.Where(c => (c.Kind == CandidateKind.User && c.Value == user) || (c.Kind == CandidateKind.Group && groupList.Contains(c.Value))),
            (not null, _) => candidates.Where(c => c.Kind == CandidateKind.User && c.Value == user),
            (null, > 0) => candidates.Where(c => c.Kind == CandidateKind.Group && groupList.Contains(c.Value)),
            _ => candidates.Where(_ => false),
        };
        return candidates.Select(c => c.TaskId);
    }

    public static IQueryable<UserTaskRecord> Sort(IQueryable<UserTaskRecord> tasks, TaskSort sort)
    {
        var ordered = sort switch
        {
            TaskSort.DueDate => tasks.OrderBy(t => t.DueDate == null).ThenBy(t => t.DueDate).ThenBy(t => t.CreatedAt),
            TaskSort.Priority => tasks.OrderByDescending(t => t.Priority).ThenBy(t => t.CreatedAt),
            _ => tasks.OrderBy(t => t.CreatedAt),
        };
        return ordered.ThenBy(t => t.Id);
    }

    /// <summary>
    /// One page of tasks in two steps: the ids of the page are chosen from index entries alone (the matches and their
    /// sort keys are all in IX_engine_tasks_id_state_assignee_created_at_due_date_priority), then only those rows are read.
    /// One step would read the row of every matching task before sorting them.
    /// </summary>
    public static IQueryable<UserTaskRecord> Page(EngineDbContext db, IQueryable<UserTaskRecord> matches, TaskSort sort, int skip, int take)
    {
        var pageIds = Sort(matches, sort).Skip(skip).Take(take).Select(t => t.Id);
        return Sort(db.Tasks.AsNoTracking().Where(t => pageIds.Contains(t.Id)), sort);
    }

    public static IQueryable<IncidentRecord> Incidents(EngineDbContext db, IncidentQuery query)
    {
        var q = db.Incidents.AsNoTracking();
        if (query.InstanceId is { } instanceId)
        {
            q = q.Where(i => i.InstanceId == instanceId);
        }

        if (query.DefinitionKey is { } key)
        {
            q = q.Where(i => i.DefinitionKey == key);
        }

        if (query.State is { } state)
        {
            q = q.Where(i => i.State == state);
        }

        return q;
    }

    public static IAsyncEnumerable<EventSubscriptionRecord> MessageSubscriptions(EngineDbContext db, string messageName, string? businessKey) =>
        businessKey is null
            ? CompiledQueries.SubscriptionsByMessage(db, messageName)
            : CompiledQueries.SubscriptionsByMessageAndBusinessKey(db, messageName, businessKey);
}
