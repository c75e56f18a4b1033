using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace WorkflowHub.Engine.EntityFrameworkCore.Store;

/// <summary>
/// The queries every command runs, translated once per model instead of per call. All no-tracking: results are detached
/// copies. A compiled query only runs against the model it was compiled for, and a process may hold stores on different
/// providers (SQLite and PostgreSQL models differ), so each query is compiled once per model it meets.
/// </summary>
internal static class CompiledQueries
{
    public static readonly Func<EngineDbContext, Guid, CancellationToken, Task<InstanceRecord?>> InstanceById =
        PerModel(() => EF.CompileAsyncQuery((EngineDbContext db, Guid id, CancellationToken _) => db.Instances.AsNoTracking().FirstOrDefault(i => i.Id == id)));

    public static readonly Func<EngineDbContext, Guid, CancellationToken, Task<UserTaskRecord?>> TaskById =
        PerModel(() => EF.CompileAsyncQuery((EngineDbContext db, Guid id, CancellationToken _) => db.Tasks.AsNoTracking().FirstOrDefault(t => t.Id == id)));

    public static readonly Func<EngineDbContext, Guid, IAsyncEnumerable<UserTaskRecord>> ActiveTasksByInstance =
        PerModel(() => EF.CompileAsyncQuery<EngineDbContext, Guid, UserTaskRecord>((EngineDbContext db, Guid instanceId) => db.Tasks.AsNoTracking()
            .Where(t => t.InstanceId == instanceId && t.State == UserTaskState.Active)
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)));

    public static readonly Func<EngineDbContext, string, CancellationToken, Task<DefinitionRecord?>> DefinitionById =
        PerModel(() => EF.CompileAsyncQuery((EngineDbContext db, string id, CancellationToken _) => db.Definitions.AsNoTracking().FirstOrDefault(d => d.Id == id)));

    public static readonly Func<EngineDbContext, string, CancellationToken, Task<DefinitionRecord?>> LatestDefinition =
        PerModel(() => EF.CompileAsyncQuery((EngineDbContext db, string key, CancellationToken _) => db.Definitions.AsNoTracking()
            .Where(d => d.Key == key).OrderByDescending(d => d.Version).FirstOrDefault()));

    public static readonly Func<EngineDbContext, string, int, CancellationToken, Task<DefinitionRecord?>> DefinitionByVersion =
        PerModel(() => EF.CompileAsyncQuery((EngineDbContext db, string key, int version, CancellationToken _) => db.Definitions.AsNoTracking()
            .FirstOrDefault(d => d.Key == key && d.Version == version)));

    public static readonly Func<EngineDbContext, Guid, CancellationToken, Task<JobRecord?>> JobById =
        PerModel(() => EF.CompileAsyncQuery((EngineDbContext db, Guid id, CancellationToken _) => db.Jobs.AsNoTracking().FirstOrDefault(j => j.Id == id)));

    public static readonly Func<EngineDbContext, Guid, IAsyncEnumerable<JobRecord>> JobsByInstance =
        PerModel(() => EF.CompileAsyncQuery<EngineDbContext, Guid, JobRecord>((EngineDbContext db, Guid instanceId) => db.Jobs.AsNoTracking()
            .Where(j => j.InstanceId == instanceId).OrderBy(j => j.DueAt).ThenBy(j => j.Id)));

    public static readonly Func<EngineDbContext, string, IAsyncEnumerable<JobRecord>> StartJobs =
        PerModel(() => EF.CompileAsyncQuery<EngineDbContext, string, JobRecord>((EngineDbContext db, string key) => db.Jobs.AsNoTracking()
            .Where(j => j.DefinitionKey == key && j.InstanceId == null).OrderBy(j => j.DueAt).ThenBy(j => j.Id)));

    public static readonly Func<EngineDbContext, Guid, IAsyncEnumerable<EventSubscriptionRecord>> SubscriptionsByInstance =
        PerModel(() => EF.CompileAsyncQuery<EngineDbContext, Guid, EventSubscriptionRecord>((EngineDbContext db, Guid instanceId) => db.Subscriptions.AsNoTracking()
            .Where(s => s.InstanceId == instanceId).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)));

    public static readonly Func<EngineDbContext, string, IAsyncEnumerable<EventSubscriptionRecord>> StartSubscriptions =
        PerModel(() => EF.CompileAsyncQuery<EngineDbContext, string, EventSubscriptionRecord>((EngineDbContext db, string key) => db.Subscriptions.AsNoTracking()
            .Where(s => s.DefinitionKey == key && s.InstanceId == null).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)));

    public static readonly Func<EngineDbContext, string, IAsyncEnumerable<EventSubscriptionRecord>> SubscriptionsByMessage =
        PerModel(() => EF.CompileAsyncQuery<EngineDbContext, string, EventSubscriptionRecord>((EngineDbContext db, string messageName) => db.Subscriptions.AsNoTracking()
            .Where(s => s.MessageName == messageName).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)));

    /// <summary>Start subscriptions (no instance) never match a business key.</summary>
    public static readonly Func<EngineDbContext, string, string, IAsyncEnumerable<EventSubscriptionRecord>> SubscriptionsByMessageAndBusinessKey =
        PerModel(() => EF.CompileAsyncQuery<EngineDbContext, string, string, EventSubscriptionRecord>((EngineDbContext db, string messageName, string businessKey) => db.Subscriptions.AsNoTracking()
            .Where(s => s.MessageName == messageName && s.BusinessKey == businessKey && s.InstanceId != null).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)));

    public static readonly Func<EngineDbContext, Guid, CancellationToken, Task<IncidentRecord?>> IncidentById =
        PerModel(() => EF.CompileAsyncQuery((EngineDbContext db, Guid id, CancellationToken _) => db.Incidents.AsNoTracking().FirstOrDefault(i => i.Id == id)));

    public static readonly Func<EngineDbContext, Guid, IAsyncEnumerable<IncidentRecord>> OpenIncidentsByInstance =
        PerModel(() => EF.CompileAsyncQuery<EngineDbContext, Guid, IncidentRecord>((EngineDbContext db, Guid instanceId) => db.Incidents.AsNoTracking()
            .Where(i => i.InstanceId == instanceId && i.State == IncidentState.Open).OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)));

    public static readonly Func<EngineDbContext, Guid, IAsyncEnumerable<HistoryEventRecord>> HistoryByInstance =
        PerModel(() => EF.CompileAsyncQuery<EngineDbContext, Guid, HistoryEventRecord>((EngineDbContext db, Guid instanceId) => db.History.AsNoTracking()
            .Where(h => h.InstanceId == instanceId).OrderBy(h => h.Sequence)));

    private static Func<EngineDbContext, T1, CancellationToken, Task<TResult>> PerModel<T1, TResult>(Func<Func<EngineDbContext, T1, CancellationToken, Task<TResult>>> compile)
    {
        var byModel = new ModelCache<Func<EngineDbContext, T1, CancellationToken, Task<TResult>>>(compile);
        return (db, a, cancellationToken) => byModel.For(db)(db, a, cancellationToken);
    }

    private static Func<EngineDbContext, T1, T2, CancellationToken, Task<TResult>> PerModel<T1, T2, TResult>(Func<Func<EngineDbContext, T1, T2, CancellationToken, Task<TResult>>> compile)
    {
        var byModel = new ModelCache<Func<EngineDbContext, T1, T2, CancellationToken, Task<TResult>>>(compile);
        return (db, a, b, cancellationToken) => byModel.For(db)(db, a, b, cancellationToken);
    }

    private static Func<EngineDbContext, T1, IAsyncEnumerable<TResult>> PerModel<T1, TResult>(Func<Func<EngineDbContext, T1, IAsyncEnumerable<TResult>>> compile)
    {
        var byModel = new ModelCache<Func<EngineDbContext, T1, IAsyncEnumerable<TResult>>>(compile);
        return (db, a) => byModel.For(db)(db, a);
    }

    private static Func<EngineDbContext, T1, T2, IAsyncEnumerable<TResult>> PerModel<T1, T2, TResult>(Func<Func<EngineDbContext, T1, T2, IAsyncEnumerable<TResult>>> compile)
    {
        var byModel = new ModelCache<Func<EngineDbContext, T1, T2, IAsyncEnumerable<TResult>>>(compile);
        return (db, a, b) => byModel.For(db)(db, a, b);
    }

    /// <summary>One compiled delegate per model; the last one used is kept at hand, since a process usually has one model.</summary>
    private sealed class ModelCache<TQuery>(Func<TQuery> compile)
        where TQuery : class
    {
        private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];
        // One reference, swapped whole, so a reader never pairs one model with another model's query.
        private volatile Entry? _last;

        public TQuery For(EngineDbContext db)
        {
            var model = db.Model;
            if (_last is { } last && ReferenceEquals(last.Model, model))
            {
                return last.Query;
            }

            var query = _byModel.GetValue(model, _ => compile());
            _last = new Entry(model, query);
            return query;
        }

        private sealed record Entry(IModel Model, TQuery Query);
    }

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
