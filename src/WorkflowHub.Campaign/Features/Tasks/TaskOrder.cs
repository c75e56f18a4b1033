using WorkflowHub.Engine.Persistence;

namespace WorkflowHub.Campaign.Features.Tasks;

/// <summary>The store's task orders in memory, to merge two sorted lists.</summary>
internal sealed class TaskOrder(TaskSort sort) : IComparer<UserTaskRecord>
{
    public static TaskOrder For(TaskSort sort) => new(sort);

    public int Compare(UserTaskRecord? x, UserTaskRecord? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var result = sort switch
        {
            // Tasks without a due date last.
            TaskSort.DueDate => (x.DueDate, y.DueDate) switch
            {
                (null, null) => 0,
                (null, _) => 1,
                (_, null) => -1,
                var (a, b) => a.Value.CompareTo(b.Value),
            },
            TaskSort.Priority => y.Priority.CompareTo(x.Priority),
            _ => 0,
        };
        return result != 0 ? result : x.CreatedAt.CompareTo(y.CreatedAt);
    }
}
