using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using WorkflowHub.Engine.EntityFrameworkCore.Model;
using WorkflowHub.Engine.EntityFrameworkCore.Sqlite.DirectWrites;

namespace WorkflowHub.Engine.EntityFrameworkCore.Store;

/// <summary>
/// The SQLite hot path of a commit: the writes a command usually makes (instances, tasks with their candidate rows, job and
/// subscription inserts and deletes, history) as hand-written statements in the open transaction, without the change
/// tracker. Rare writes (definitions, incidents, job or subscription updates) take the SaveChanges path for the whole commit.
/// </summary>
internal sealed partial class EfEngineTransaction
{
    private bool CanWriteDirectly(out SqliteDirectWriter writer)
    {
        writer = null!;
        if (_newDefinitions.Count > 0
            || _incidents.Count > 0
            || _jobs.Values.Any(j => j.Kind == WriteKind.Update)
            || _subscriptions.Values.Any(s => s.Kind == WriteKind.Update)
            || db.Database.GetDbConnection() is not SqliteConnection connection
            || db.Database.CurrentTransaction?.GetDbTransaction() is not SqliteTransaction transaction)
        {
            return false;
        }

        writer = new SqliteDirectWriter(connection, transaction);
        return true;
    }

    /// <summary>Deletes first (they may free keys the inserts reuse), then instances, tasks, candidates, jobs, subscriptions, history.</summary>
    private async Task WriteDirectlyAsync(SqliteDirectWriter writer, CancellationToken cancellationToken)
    {
        var deletedJobs = _jobs.Where(j => j.Value.Kind == WriteKind.Delete).Select(j => j.Key).ToList();
        if (deletedJobs.Count > 0)
        {
            await writer.DeleteAsync(EngineTables.Jobs, DirectWriteColumns.Job[0].Name, deletedJobs, cancellationToken).ConfigureAwait(false);
        }

        var deletedSubscriptions = _subscriptions.Where(s => s.Value.Kind == WriteKind.Delete).Select(s => s.Key).ToList();
        if (deletedSubscriptions.Count > 0)
        {
            await writer.DeleteAsync(EngineTables.Subscriptions, DirectWriteColumns.Subscription[0].Name, deletedSubscriptions, cancellationToken).ConfigureAwait(false);
        }

        var rewrittenCandidates = _tasks.Values
            .Where(t => t.Kind == WriteKind.Update && !CandidatesUnchanged(t.Task))
            .Select(t => t.Task.Id)
            .ToList();
        if (rewrittenCandidates.Count > 0)
        {
            await writer.DeleteAsync(EngineTables.TaskCandidates, DirectWriteColumns.Candidate[0].Name, rewrittenCandidates, cancellationToken).ConfigureAwait(false);
        }

        if (_newInstances.Count > 0)
        {
            await writer.InsertAsync(EngineTables.Instances, DirectWriteColumns.Instance, [.. _newInstances.Values], cancellationToken).ConfigureAwait(false);
        }

        var versionColumn = DirectWriteColumns.InstanceVersion;
        foreach (var (instance, expected) in _updatedInstances.Values)
        {
            // The version is always written, so the check runs even if nothing else changed.
            var changed = await writer.UpdateAsync(
                EngineTables.Instances, DirectWriteColumns.Instance, instance, _instancesAsRead.GetValueOrDefault(instance.Id), cancellationToken,
                alwaysWritten: versionColumn, extraCondition: (versionColumn, expected)).ConfigureAwait(false);
            if (changed != 1)
            {
                throw new ConcurrencyException("A row this command changes was changed by another command first.");
            }
        }

        var insertedTasks = _tasks.Values.Where(t => t.Kind == WriteKind.Insert).Select(t => t.Task).ToList();
        if (insertedTasks.Count > 0)
        {
            await writer.InsertAsync(EngineTables.Tasks, DirectWriteColumns.Task, insertedTasks, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (task, kind) in _tasks.Values)
        {
            if (kind != WriteKind.Update)
            {
                continue;
            }

            // Like SaveChanges: an update that finds no row means the row went away under this command.
            var changed = await writer.UpdateAsync(EngineTables.Tasks, DirectWriteColumns.Task, task, _tasksAsRead.GetValueOrDefault(task.Id), cancellationToken).ConfigureAwait(false);
            if (changed is 0)
            {
                throw new ConcurrencyException("A row this command changes was changed by another command first.");
            }
        }

        var candidates = insertedTasks.Concat(rewrittenCandidates.Select(id => _tasks[id].Task)).SelectMany(TaskCandidate.For).ToList();
        if (candidates.Count > 0)
        {
            await writer.InsertAsync(EngineTables.TaskCandidates, DirectWriteColumns.Candidate, candidates, cancellationToken).ConfigureAwait(false);
        }

        var insertedJobs = _jobs.Values.Where(j => j.Kind == WriteKind.Insert).Select(j => j.Job!).ToList();
        if (insertedJobs.Count > 0)
        {
            await writer.InsertAsync(EngineTables.Jobs, DirectWriteColumns.Job, insertedJobs, cancellationToken).ConfigureAwait(false);
        }

        var insertedSubscriptions = _subscriptions.Values.Where(s => s.Kind == WriteKind.Insert).Select(s => s.Subscription!).ToList();
        if (insertedSubscriptions.Count > 0)
        {
            await writer.InsertAsync(EngineTables.Subscriptions, DirectWriteColumns.Subscription, insertedSubscriptions, cancellationToken).ConfigureAwait(false);
        }

        if (_history.Count > 0)
        {
            await writer.InsertAsync(EngineTables.History, DirectWriteColumns.History, _history, cancellationToken).ConfigureAwait(false);
        }
    }
}
