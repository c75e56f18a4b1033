using Microsoft.EntityFrameworkCore;

namespace WorkflowHub.Engine.EntityFrameworkCore.Store;

/// <summary>The queries every command runs, translated once instead of per call. All no-tracking: results are detached copies.</summary>
internal static class CompiledQueries
{
    public static readonly Func<EngineDbContext, Guid, CancellationToken, Task<InstanceRecord?>> InstanceById =
        EF.CompileAsyncQuery((EngineDbContext db, Guid id, CancellationToken _) => db.Instances.AsNoTracking().FirstOrDefault(i => i.Id == id));

    public static readonly Func<EngineDbContext, Guid, CancellationToken, Task<UserTaskRecord?>> TaskById =
        EF.CompileAsyncQuery((EngineDbContext db, Guid id, CancellationToken _) => db.Tasks.AsNoTracking().FirstOrDefault(t => t.Id == id));

    public static readonly Func<EngineDbContext, Guid, IAsyncEnumerable<UserTaskRecord>> ActiveTasksByInstance =
        EF.CompileAsyncQuery<EngineDbContext, Guid, UserTaskRecord>((EngineDbContext db, Guid instanceId) => db.Tasks.AsNoTracking()
            .Where(t => t.InstanceId == instanceId && t.State == UserTaskState.Active)
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id));

    public static readonly Func<EngineDbContext, string, CancellationToken, Task<DefinitionRecord?>> DefinitionById =
        EF.CompileAsyncQuery((EngineDbContext db, string id, CancellationToken _) => db.Definitions.AsNoTracking().FirstOrDefault(d => d.Id == id));

    public static readonly Func<EngineDbContext, string, CancellationToken, Task<DefinitionRecord?>> LatestDefinition =
        EF.CompileAsyncQuery((EngineDbContext db, string key, CancellationToken _) => db.Definitions.AsNoTracking()
            .Where(d => d.Key == key).OrderByDescending(d => d.Version).FirstOrDefault());

    public static readonly Func<EngineDbContext, string, int, CancellationToken, Task<DefinitionRecord?>> DefinitionByVersion =
        EF.CompileAsyncQuery((EngineDbContext db, string key, int version, CancellationToken _) => db.Definitions.AsNoTracking()
            .FirstOrDefault(d => d.Key == key && d.Version == version));

    public static readonly Func<EngineDbContext, Guid, CancellationToken, Task<JobRecord?>> JobById =
        EF.CompileAsyncQuery((EngineDbContext db, Guid id, CancellationToken _) => db.Jobs.AsNoTracking().FirstOrDefault(j => j.Id == id));

    public static readonly Func<EngineDbContext, Guid, IAsyncEnumerable<JobRecord>> JobsByInstance =
        EF.CompileAsyncQuery<EngineDbContext, Guid, JobRecord>((EngineDbContext db, Guid instanceId) => db.Jobs.AsNoTracking()
            .Where(j => j.InstanceId == instanceId).OrderBy(j => j.DueAt).ThenBy(j => j.Id));

    public static readonly Func<EngineDbContext, string, IAsyncEnumerable<JobRecord>> StartJobs =
        EF.CompileAsyncQuery<EngineDbContext, string, JobRecord>((EngineDbContext db, string key) => db.Jobs.AsNoTracking()
            .Where(j => j.DefinitionKey == key && j.InstanceId == null).OrderBy(j => j.DueAt).ThenBy(j => j.Id));

    public static readonly Func<EngineDbContext, Guid, IAsyncEnumerable<EventSubscriptionRecord>> SubscriptionsByInstance =
        EF.CompileAsyncQuery<EngineDbContext, Guid, EventSubscriptionRecord>((EngineDbContext db, Guid instanceId) => db.Subscriptions.AsNoTracking()
            .Where(s => s.InstanceId == instanceId).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id));

    public static readonly Func<EngineDbContext, string, IAsyncEnumerable<EventSubscriptionRecord>> StartSubscriptions =
        EF.CompileAsyncQuery<EngineDbContext, string, EventSubscriptionRecord>((EngineDbContext db, string key) => db.Subscriptions.AsNoTracking()
            .Where(s => s.DefinitionKey == key && s.InstanceId == null).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id));

    public static readonly Func<EngineDbContext, string, IAsyncEnumerable<EventSubscriptionRecord>> SubscriptionsByMessage =
        EF.CompileAsyncQuery<EngineDbContext, string, EventSubscriptionRecord>((EngineDbContext db, string messageName) => db.Subscriptions.AsNoTracking()
            .Where(s => s.MessageName == messageName).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id));

    /// <summary>Start subscriptions (no instance) never match a business key.</summary>
    public static readonly Func<EngineDbContext, string, string, IAsyncEnumerable<EventSubscriptionRecord>> SubscriptionsByMessageAndBusinessKey =
        EF.CompileAsyncQuery<EngineDbContext, string, string, EventSubscriptionRecord>((EngineDbContext db, string messageName, string businessKey) => db.Subscriptions.AsNoTracking()
            .Where(s => s.MessageName == messageName && s.BusinessKey == businessKey && s.InstanceId != null).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id));

    public static readonly Func<EngineDbContext, Guid, CancellationToken, Task<IncidentRecord?>> IncidentById =
        EF.CompileAsyncQuery((EngineDbContext db, Guid id, CancellationToken _) => db.Incidents.AsNoTracking().FirstOrDefault(i => i.Id == id));

    public static readonly Func<EngineDbContext, Guid, IAsyncEnumerable<IncidentRecord>> OpenIncidentsByInstance =
        EF.CompileAsyncQuery<EngineDbContext, Guid, IncidentRecord>((EngineDbContext db, Guid instanceId) => db.Incidents.AsNoTracking()
            .Where(i => i.InstanceId == instanceId && i.State == IncidentState.Open).OrderBy(i => i.CreatedAt).ThenBy(i => i.Id));

    public static readonly Func<EngineDbContext, Guid, IAsyncEnumerable<HistoryEventRecord>> HistoryByInstance =
        EF.CompileAsyncQuery<EngineDbContext, Guid, HistoryEventRecord>((EngineDbContext db, Guid instanceId) => db.History.AsNoTracking()
            .Where(h => h.InstanceId == instanceId).OrderBy(h => h.Sequence));

    public static async Task<IReadOnlyList<T>> CollectAsync<T>(this IAsyncEnumerable<T> source, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        await foreach (var item in source.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            list.Add(item);
        }

        return list;
    }
}
