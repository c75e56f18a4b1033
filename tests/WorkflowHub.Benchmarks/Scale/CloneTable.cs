namespace WorkflowHub.Benchmarks.Scale;

/// <summary>
/// How one table's rows are copied: which rows belong to the demo hazards (<see cref="Filter"/>), which GUID columns get
/// the copy's own ids, and which column holds a hazard number (replaced by the copy's number, or kept when it is not one).
/// </summary>
public sealed record CloneTable(string Name, string Filter, IReadOnlyList<string> GuidColumns, string? NumberColumn = null)
{
    public static IReadOnlyList<CloneTable> HazardsWithTheirLoops { get; } =
    [
        new("Hazards", "1 = 1", ["Id", "InstanceId"], "Number"),
        new("engine_instances", "id IN (SELECT id FROM clone_instance_ids)", ["id", "parent_instance_id"], "business_key"),
        new("engine_tasks", "instance_id IN (SELECT id FROM clone_instance_ids)", ["id", "instance_id"], "business_key"),
        new("engine_task_candidates", "task_id IN (SELECT id FROM engine_tasks WHERE instance_id IN (SELECT id FROM clone_instance_ids))", ["task_id"]),
        new("engine_task_offers", "task_id IN (SELECT id FROM engine_tasks WHERE instance_id IN (SELECT id FROM clone_instance_ids))", ["task_id"]),
        new("engine_history", "instance_id IN (SELECT id FROM clone_instance_ids)", ["id", "instance_id", "task_id"]),
        new("engine_jobs", "instance_id IN (SELECT id FROM clone_instance_ids)", ["id", "instance_id"]),
        new("engine_subscriptions", "instance_id IN (SELECT id FROM clone_instance_ids)", ["id", "instance_id"], "business_key"),
        new("engine_incidents", "instance_id IN (SELECT id FROM clone_instance_ids)", ["id", "instance_id", "job_id"]),
    ];
}
