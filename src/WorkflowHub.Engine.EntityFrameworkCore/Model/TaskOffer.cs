namespace WorkflowHub.Engine.EntityFrameworkCore.Model;

/// <summary>
/// One open offer: a candidate user or group of a task that is still active and unassigned, with the task's sort keys.
/// Unlike <see cref="TaskCandidate"/> (kept for every task ever created) these rows leave when the task is claimed,
/// completed or cancelled, so an inbox is counted and paged from index entries proportional to the open inbox, not to
/// every task its group was ever offered. Kept by the store's write path in the command's transaction.
/// </summary>
public sealed class TaskOffer
{
    public Guid TaskId { get; set; }

    public CandidateKind Kind { get; set; }

    public string Value { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DueDate { get; set; }

    public int Priority { get; set; }

    /// <summary>Whether the task has offers: active, nobody has taken it, and it names candidates.</summary>
    internal static bool HasOffers(UserTaskRecord task) =>
        task.State == UserTaskState.Active && task.Assignee is null && (task.CandidateUsers.Length > 0 || task.CandidateGroups.Length > 0);

    /// <summary>
    /// Adds the offers of <paramref name="task"/> to <paramref name="offers"/>: one per distinct candidate, none unless the
    /// task has offers. Plain loops: this runs for every task a command creates, and candidate lists hold a few names.
    /// </summary>
    internal static void AddFor(UserTaskRecord task, List<TaskOffer> offers)
    {
        if (!HasOffers(task))
        {
            return;
        }

        Add(task, CandidateKind.User, task.CandidateUsers, offers);
        Add(task, CandidateKind.Group, task.CandidateGroups, offers);
    }

    private static void Add(UserTaskRecord task, CandidateKind kind, string[] values, List<TaskOffer> offers)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (Array.IndexOf(values, values[i], 0, i) >= 0)
            {
                continue;
            }

            offers.Add(new TaskOffer
            {
                TaskId = task.Id,
                Kind = kind,
                Value = values[i],
                CreatedAt = task.CreatedAt,
                DueDate = task.DueDate,
                Priority = task.Priority,
            });
        }
    }

    /// <summary>
    /// Whether the offers of a task read as <paramref name="read"/> and written as <paramref name="current"/> differ: it
    /// was claimed, completed or cancelled, it reopened, or its candidates or sort keys changed while it had offers.
    /// </summary>
    internal static bool Differ(UserTaskRecord read, UserTaskRecord current)
    {
        var had = HasOffers(read);
        var has = HasOffers(current);
        if (had != has)
        {
            return true;
        }

        return has
            && (read.CreatedAt != current.CreatedAt
                || read.DueDate != current.DueDate
                || read.Priority != current.Priority
                || !read.CandidateUsers.SequenceEqual(current.CandidateUsers, StringComparer.Ordinal)
                || !read.CandidateGroups.SequenceEqual(current.CandidateGroups, StringComparer.Ordinal));
    }
}
