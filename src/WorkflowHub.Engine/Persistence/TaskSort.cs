namespace WorkflowHub.Engine.Persistence;

public enum TaskSort
{
    /// <summary>Oldest first.</summary>
    Created = 0,

    /// <summary>Earliest due date first; tasks without a due date last. Overdue tasks therefore come first.</summary>
    DueDate = 1,

    /// <summary>Highest priority first, then oldest.</summary>
    Priority = 2,
}
