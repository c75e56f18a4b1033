using WorkflowHub.Engine.EntityFrameworkCore.Model;

namespace WorkflowHub.Engine.EntityFrameworkCore.Sqlite.DirectWrites;

/// <summary>The columns of the tables a command writes on its hot path, named as <see cref="EngineDbContext"/> maps them (snake_case).</summary>
internal static class DirectWriteColumns
{
    /// <summary>The optimistic concurrency token of an instance row.</summary>
    public static readonly string InstanceVersion = Name(nameof(InstanceRecord.Version));

    public static readonly RowColumn<InstanceRecord>[] Instance =
    [
        new(Name(nameof(InstanceRecord.Id)), i => StoredValues.Of(i.Id)),
        new(Name(nameof(InstanceRecord.DefinitionId)), i => i.DefinitionId),
        new(Name(nameof(InstanceRecord.DefinitionKey)), i => i.DefinitionKey),
        new(Name(nameof(InstanceRecord.DefinitionVersion)), i => i.DefinitionVersion),
        new(Name(nameof(InstanceRecord.BusinessKey)), i => StoredValues.Of(i.BusinessKey)),
        new(Name(nameof(InstanceRecord.State)), i => (int)i.State),
        new(Name(nameof(InstanceRecord.ParentInstanceId)), i => StoredValues.Of(i.ParentInstanceId)),
        new(Name(nameof(InstanceRecord.StartedAt)), i => StoredValues.Of(i.StartedAt)),
        new(Name(nameof(InstanceRecord.EndedAt)), i => StoredValues.Of(i.EndedAt)),
        new(Name(nameof(InstanceRecord.StartedBy)), i => StoredValues.Of(i.StartedBy)),
        new(Name(nameof(InstanceRecord.Version)), i => i.Version),
        new(Name(nameof(InstanceRecord.Document)), i => i.Document),
    ];

    public static readonly RowColumn<UserTaskRecord>[] Task =
    [
        new(Name(nameof(UserTaskRecord.Id)), t => StoredValues.Of(t.Id)),
        new(Name(nameof(UserTaskRecord.InstanceId)), t => StoredValues.Of(t.InstanceId)),
        new(Name(nameof(UserTaskRecord.ExecutionId)), t => t.ExecutionId),
        new(Name(nameof(UserTaskRecord.DefinitionId)), t => t.DefinitionId),
        new(Name(nameof(UserTaskRecord.DefinitionKey)), t => t.DefinitionKey),
        new(Name(nameof(UserTaskRecord.BusinessKey)), t => StoredValues.Of(t.BusinessKey)),
        new(Name(nameof(UserTaskRecord.ElementId)), t => t.ElementId),
        new(Name(nameof(UserTaskRecord.Name)), t => StoredValues.Of(t.Name)),
        new(Name(nameof(UserTaskRecord.Assignee)), t => StoredValues.Of(t.Assignee)),
        new(Name(nameof(UserTaskRecord.CandidateUsers)), t => StoredValues.Of(t.CandidateUsers)),
        new(Name(nameof(UserTaskRecord.CandidateGroups)), t => StoredValues.Of(t.CandidateGroups)),
        new(Name(nameof(UserTaskRecord.DueDate)), t => StoredValues.Of(t.DueDate)),
        new(Name(nameof(UserTaskRecord.FollowUpDate)), t => StoredValues.Of(t.FollowUpDate)),
        new(Name(nameof(UserTaskRecord.Priority)), t => t.Priority),
        new(Name(nameof(UserTaskRecord.FormKey)), t => StoredValues.Of(t.FormKey)),
        new(Name(nameof(UserTaskRecord.State)), t => (int)t.State),
        new(Name(nameof(UserTaskRecord.CreatedAt)), t => StoredValues.Of(t.CreatedAt)),
        new(Name(nameof(UserTaskRecord.ClaimedAt)), t => StoredValues.Of(t.ClaimedAt)),
        new(Name(nameof(UserTaskRecord.CompletedAt)), t => StoredValues.Of(t.CompletedAt)),
        new(Name(nameof(UserTaskRecord.CompletedBy)), t => StoredValues.Of(t.CompletedBy)),
    ];

    public static readonly RowColumn<TaskCandidate>[] Candidate =
    [
        new(Name(nameof(TaskCandidate.TaskId)), c => StoredValues.Of(c.TaskId)),
        new(Name(nameof(TaskCandidate.Kind)), c => (int)c.Kind),
        new(Name(nameof(TaskCandidate.Value)), c => c.Value),
    ];

    public static readonly RowColumn<TaskOffer>[] Offer =
    [
        new(Name(nameof(TaskOffer.TaskId)), o => StoredValues.Of(o.TaskId)),
        new(Name(nameof(TaskOffer.Kind)), o => (int)o.Kind),
        new(Name(nameof(TaskOffer.Value)), o => o.Value),
        new(Name(nameof(TaskOffer.CreatedAt)), o => StoredValues.Of(o.CreatedAt)),
        new(Name(nameof(TaskOffer.DueDate)), o => StoredValues.Of(o.DueDate)),
        new(Name(nameof(TaskOffer.Priority)), o => o.Priority),
    ];

    public static readonly RowColumn<JobRecord>[] Job =
    [
        new(Name(nameof(JobRecord.Id)), j => StoredValues.Of(j.Id)),
        new(Name(nameof(JobRecord.Kind)), j => (int)j.Kind),
        new(Name(nameof(JobRecord.InstanceId)), j => StoredValues.Of(j.InstanceId)),
        new(Name(nameof(JobRecord.ExecutionId)), j => j.ExecutionId),
        new(Name(nameof(JobRecord.DefinitionId)), j => j.DefinitionId),
        new(Name(nameof(JobRecord.DefinitionKey)), j => j.DefinitionKey),
        new(Name(nameof(JobRecord.ElementId)), j => j.ElementId),
        new(Name(nameof(JobRecord.Topic)), j => StoredValues.Of(j.Topic)),
        new(Name(nameof(JobRecord.DueAt)), j => StoredValues.Of(j.DueAt)),
        new(Name(nameof(JobRecord.LockOwner)), j => StoredValues.Of(j.LockOwner)),
        new(Name(nameof(JobRecord.LockExpiresAt)), j => StoredValues.Of(j.LockExpiresAt)),
        new(Name(nameof(JobRecord.Retries)), j => j.Retries),
        new(Name(nameof(JobRecord.Priority)), j => j.Priority),
        new(Name(nameof(JobRecord.Exclusive)), j => StoredValues.Of(j.Exclusive)),
        new(Name(nameof(JobRecord.Configuration)), j => StoredValues.Of(j.Configuration)),
        new(Name(nameof(JobRecord.ErrorMessage)), j => StoredValues.Of(j.ErrorMessage)),
        new(Name(nameof(JobRecord.CreatedAt)), j => StoredValues.Of(j.CreatedAt)),
    ];

    public static readonly RowColumn<EventSubscriptionRecord>[] Subscription =
    [
        new(Name(nameof(EventSubscriptionRecord.Id)), s => StoredValues.Of(s.Id)),
        new(Name(nameof(EventSubscriptionRecord.MessageName)), s => s.MessageName),
        new(Name(nameof(EventSubscriptionRecord.InstanceId)), s => StoredValues.Of(s.InstanceId)),
        new(Name(nameof(EventSubscriptionRecord.ExecutionId)), s => s.ExecutionId),
        new(Name(nameof(EventSubscriptionRecord.DefinitionId)), s => s.DefinitionId),
        new(Name(nameof(EventSubscriptionRecord.DefinitionKey)), s => s.DefinitionKey),
        new(Name(nameof(EventSubscriptionRecord.ElementId)), s => s.ElementId),
        new(Name(nameof(EventSubscriptionRecord.BusinessKey)), s => StoredValues.Of(s.BusinessKey)),
        new(Name(nameof(EventSubscriptionRecord.CreatedAt)), s => StoredValues.Of(s.CreatedAt)),
    ];

    public static readonly RowColumn<HistoryEventRecord>[] History =
    [
        new(Name(nameof(HistoryEventRecord.Id)), h => StoredValues.Of(h.Id)),
        new(Name(nameof(HistoryEventRecord.InstanceId)), h => StoredValues.Of(h.InstanceId)),
        new(Name(nameof(HistoryEventRecord.Sequence)), h => h.Sequence),
        new(Name(nameof(HistoryEventRecord.DefinitionId)), h => h.DefinitionId),
        new(Name(nameof(HistoryEventRecord.Type)), h => (int)h.Type),
        new(Name(nameof(HistoryEventRecord.ElementId)), h => StoredValues.Of(h.ElementId)),
        new(Name(nameof(HistoryEventRecord.ElementType)), h => StoredValues.Of(h.ElementType)),
        new(Name(nameof(HistoryEventRecord.TaskId)), h => StoredValues.Of(h.TaskId)),
        new(Name(nameof(HistoryEventRecord.UserId)), h => StoredValues.Of(h.UserId)),
        new(Name(nameof(HistoryEventRecord.Timestamp)), h => StoredValues.Of(h.Timestamp)),
        new(Name(nameof(HistoryEventRecord.Data)), h => StoredValues.Of(h.Data)),
    ];

    private static string Name(string property) => SnakeCaseNames.From(property);
}
