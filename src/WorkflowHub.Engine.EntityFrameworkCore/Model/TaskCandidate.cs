namespace WorkflowHub.Engine.EntityFrameworkCore.Model;

/// <summary>
/// One candidate user or group of a user task, in a row of its own so that "tasks offered to user U or to any of groups G"
/// is an index seek on (kind, value) rather than a text scan. The task row keeps the same lists for reading.
/// </summary>
public sealed class TaskCandidate
{
    public Guid TaskId { get; set; }

    public CandidateKind Kind { get; set; }

    public string Value { get; set; } = "";

    internal static IEnumerable<TaskCandidate> For(UserTaskRecord task) =>
        task.CandidateUsers.Distinct(StringComparer.Ordinal).Select(u => new TaskCandidate { TaskId = task.Id, Kind = CandidateKind.User, Value = u })
            .Concat(task.CandidateGroups.Distinct(StringComparer.Ordinal).Select(g => new TaskCandidate { TaskId = task.Id, Kind = CandidateKind.Group, Value = g }));
}
