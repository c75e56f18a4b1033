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
        if (InboxOffers(db, query) is { } inbox)
        {
            // An inbox of open offers: active, unassigned and due before the limit are already true of every offer.
            var offered = inbox.Select(o => o.TaskId);
            return FilteredByTaskColumns(q.Where(t => offered.Contains(t.Id)), query with { DueBefore = null });
        }

        if (query.State is { } state)
        {
            q = q.Where(t => t.State == state);
        }

        var offeredTo = query.CandidateUser is not null || query.CandidateGroups is not null;
        if (query.Unassigned is { } unassigned)
        {
            // Offered tasks of every state start at engine_task_candidates. "assignee IS NULL" would tempt SQLite into the
            // (assignee, state) index, whose statistics average over every assignee although most open tasks have
            // none: it would then read every unassigned task. COALESCE keeps it a check on the covering index instead.
            q = (unassigned, offeredTo) switch
            {
                (true, true) => q.Where(t => (t.Assignee ?? string.Empty) == string.Empty),
                (true, false) => q.Where(t => t.Assignee == null),
                _ => q.Where(t => t.Assignee != null),
            };
        }

        q = FilteredByTaskColumns(q, query);
        if (offeredTo)
        {
            var offered = CandidateTaskIds(db, query.CandidateUser, query.CandidateGroups);
            q = q.Where(t => offered.Contains(t.Id));
        }

        return q;
    }

    /// <summary>
    /// The open offers an inbox reads (active, unassigned tasks offered to the user or the groups, due before the limit if
    /// one is given), or null when the query is not such an inbox. One row per matching candidate: a task offered to the
    /// user and to one of the groups appears twice, so counts and pages take distinct tasks.
    /// </summary>
    public static IQueryable<TaskOffer>? InboxOffers(EngineDbContext db, TaskQuery query)
    {
        if (!IsInbox(query))
        {
            return null;
        }

        var groupList = InboxGroups(query);
        var user = query.CandidateUser;
        var offers = db.TaskOffers.AsNoTracking();
        offers = (user, groupList.Count) switch
        {
            (not null, > 0) => offers.Where(o => (o.Kind == CandidateKind.User && o.Value == user) || (o.Kind == CandidateKind.Group && groupList.Contains(o.Value))),
            (not null, _) => offers.Where(o => o.Kind == CandidateKind.User && o.Value == user),
            (null, > 0) => offers.Where(o => o.Kind == CandidateKind.Group && groupList.Contains(o.Value)),
            _ => offers.Where(_ => false),
        };

        if (query.DueBefore is { } dueBefore)
        {
            offers = offers.Where(o => o.DueDate != null && o.DueDate < dueBefore);
        }

        return offers;
    }

    /// <summary>The inbox's groups, each once.</summary>
    private static List<string> InboxGroups(TaskQuery query) => query.CandidateGroups?.Distinct(StringComparer.Ordinal).ToList() ?? [];

    /// <summary>Whether a task query is an inbox of open offers: active, unassigned tasks offered to a user or to groups.</summary>
    private static bool IsInbox(TaskQuery query) =>
        query.State == UserTaskState.Active && query.Unassigned == true && (query.CandidateUser is not null || query.CandidateGroups is not null);

    /// <summary>Whether the offers alone answer an inbox query: no filter on a task column the offers do not carry.</summary>
    public static bool OffersAnswer(TaskQuery query) =>
        query.Assignee is null
        && query.InstanceId is null
        && query.BusinessKey is null
        && query.BusinessKeys is null
        && query.DefinitionKey is null
        && query.ElementId is null;

    /// <summary>
    /// The number of distinct tasks among <paramref name="offers"/>. Distinct over (created_at, task_id), not task_id
    /// alone: for the latter SQLite would walk the whole table in primary-key order (task_id first) to skip its sort,
    /// instead of seeking the inbox's (kind, value) ranges of the covering index. created_at is one per task.
    /// </summary>
    public static IQueryable<DateTimeOffset> DistinctOfferedTasks(IQueryable<TaskOffer> offers) =>
        offers.Select(o => new { o.CreatedAt, o.TaskId }).Distinct().Select(o => o.CreatedAt);

    /// <summary>
    /// The ranges of the offers index an inbox query reads (its user's and each of its groups'), or none when the query is
    /// not such an inbox. An inbox whose offers lie in one range only (most often a department's group: the user and its
    /// other groups were offered nothing) holds distinct tasks already: its count is that range's, and its page needs no
    /// DISTINCT over every open offer. Each range is counted on its own because SQLite answers the OR of several ranges
    /// (<see cref="InboxOffers"/>) by collecting row ids ("MULTI-INDEX OR"), not from the covering index.
    /// </summary>
    public static IReadOnlyList<OfferRange> InboxRanges(TaskQuery query)
    {
        if (!IsInbox(query))
        {
            return [];
        }

        var ranges = new List<OfferRange>();
        if (query.CandidateUser is { } user)
        {
            ranges.Add(new OfferRange(CandidateKind.User, user));
        }

        ranges.AddRange(InboxGroups(query).Select(g => new OfferRange(CandidateKind.Group, g)));
        return ranges;
    }

    /// <summary>The open offers of one range, due before the inbox's limit if it has one.</summary>
    public static IQueryable<TaskOffer> OffersIn(EngineDbContext db, OfferRange range, DateTimeOffset? dueBefore)
    {
        var offers = db.TaskOffers.AsNoTracking().Where(o => o.Kind == range.Kind && o.Value == range.Value);
        return dueBefore is { } limit ? offers.Where(o => o.DueDate != null && o.DueDate < limit) : offers;
    }

    /// <summary>
    /// One page of an inbox from its open offers: the page's task ids are chosen from index entries of
    /// IX_engine_task_offers_kind_value_created_at_due_date_priority_task_id (one per open offer), then only those rows are read.
    /// </summary>
    /// <param name="oneRange">
    /// The offers lie in one (kind, value) range (see <see cref="InboxRanges"/>): no task appears twice, so no DISTINCT
    /// over every open offer, and the newest-first page is read in index order.
    /// </param>
    public static IQueryable<UserTaskRecord> OfferedPage(EngineDbContext db, IQueryable<TaskOffer> offers, bool oneRange, TaskSort sort, int skip, int take)
    {
        var keys = offers.Select(o => new { o.TaskId, o.CreatedAt, o.DueDate, o.Priority });
        var distinct = oneRange ? keys : keys.Distinct();
        var ordered = sort switch
        {
            TaskSort.DueDate => distinct.OrderBy(o => o.DueDate == null).ThenBy(o => o.DueDate).ThenBy(o => o.CreatedAt),
            TaskSort.Priority => distinct.OrderByDescending(o => o.Priority).ThenBy(o => o.CreatedAt),
            _ => distinct.OrderBy(o => o.CreatedAt),
        };
        var pageIds = ordered.ThenBy(o => o.TaskId).Skip(skip).Take(take).Select(o => o.TaskId);
        return Sort(db.Tasks.AsNoTracking().Where(t => pageIds.Contains(t.Id)), sort);
    }

    /// <summary>The filters on the task's own columns other than state and unassigned.</summary>
    private static IQueryable<UserTaskRecord> FilteredByTaskColumns(IQueryable<UserTaskRecord> q, TaskQuery query)
    {
        if (query.Assignee is { } assignee)
        {
            q = q.Where(t => t.Assignee == assignee);
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
