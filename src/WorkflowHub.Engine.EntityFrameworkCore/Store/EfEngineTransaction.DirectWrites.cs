using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using WorkflowHub.Engine.EntityFrameworkCore.Model;
using WorkflowHub.Engine.EntityFrameworkCore.Sqlite.DirectWrites;
using WorkflowHub.Engine.EntityFrameworkCore.Sqlite.Sessions;

namespace WorkflowHub.Engine.EntityFrameworkCore.Store;

/// <summary>
/// The SQLite hot path of a commit: the writes a command usually makes (instances, tasks with their candidate rows, job and
/// subscription inserts and deletes, history) as hand-written statements in the open transaction, without the change
/// tracker. Rare writes (definitions, incidents, job or subscription updates) take the SaveChanges path for the whole commit.
/// On a session the statements stay prepared between commands; joined to the owner's transaction they are prepared per use.
/// </summary>
internal sealed partial class EfEngineTransaction
{
    /// <summary>Only writes the direct statements cover: no definitions, incidents, job or subscription updates.</summary>
    private bool HasOnlyUsualWrites() =>
        _newDefinitions.Count == 0
        && _incidents.Count == 0
        && !_jobs.Values.Any(j => j.Kind == WriteKind.Update)
        && !_subscriptions.Values.Any(s => s.Kind == WriteKind.Update);

    /// <summary>On the context's SQLite connection inside its current transaction (own or the owner's), statements prepared per use.</summary>
    private bool CanWriteDirectly(out SqliteDirectWriter writer)
    {
        writer = null!;
        if (!HasOnlyUsualWrites()
            || Db.Database.GetDbConnection() is not SqliteConnection connection
            || Db.Database.CurrentTransaction?.GetDbTransaction() is not SqliteTransaction transaction)
        {
            return false;
        }

        writer = new SqliteDirectWriter(SqliteStatements.PerUse(connection, transaction));
        return true;
    }

    /// <summary>
    /// A command with its own transaction on the sessions: the direct statements (kept prepared), committed alone or with
    /// other commands' in one transaction (<see cref="SqliteGroupCommit"/>), all or nothing for each command, together
    /// with the rows its async flow offered (<see cref="SqliteCommitEnlistment"/>). Rare writes go through SaveChanges on
    /// the context's own connection instead.
    /// </summary>
    private async Task CommitInSessionAsync(CancellationToken cancellationToken)
    {
        if (!HasOnlyUsualWrites())
        {
            using (await _writerGate!.EnterAsync(cancellationToken).ConfigureAwait(false))
            {
                await CommitOwnTransactionAsync(cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var enlisted = SqliteCommitEnlistment.TakeFor(_writerGate!);
        try
        {
            await _groupCommit!.CommitAsync(Session, statements =>
            {
                WriteDirectly(new SqliteDirectWriter(statements));
                enlisted?.Write(statements);
            }).ConfigureAwait(false);
        }
        catch
        {
            enlisted?.Release();
            throw;
        }

        enlisted?.MarkCommitted();
    }

    private Task WriteDirectlyAsync(SqliteDirectWriter writer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        WriteDirectly(writer);
        return Task.CompletedTask;
    }

    /// <summary>Deletes first (they may free keys the inserts reuse), then instances, tasks, candidates, open offers, jobs, subscriptions, history.</summary>
    private void WriteDirectly(SqliteDirectWriter writer)
    {
        var deletedJobs = _jobs.Where(j => j.Value.Kind == WriteKind.Delete).Select(j => j.Key).ToList();
        if (deletedJobs.Count > 0)
        {
            writer.Delete(EngineTables.Jobs, DirectWriteColumns.Job[0].Name, deletedJobs);
        }

        var deletedSubscriptions = _subscriptions.Where(s => s.Value.Kind == WriteKind.Delete).Select(s => s.Key).ToList();
        if (deletedSubscriptions.Count > 0)
        {
            writer.Delete(EngineTables.Subscriptions, DirectWriteColumns.Subscription[0].Name, deletedSubscriptions);
        }

        var rewrittenCandidates = _tasks.Values
            .Where(t => t.Kind == WriteKind.Update && !CandidatesUnchanged(t.Task))
            .Select(t => t.Task.Id)
            .ToList();
        if (rewrittenCandidates.Count > 0)
        {
            writer.Delete(EngineTables.TaskCandidates, DirectWriteColumns.Candidate[0].Name, rewrittenCandidates);
        }

        var reoffered = ReofferedTasks();
        if (reoffered.Count > 0)
        {
            writer.Delete(EngineTables.TaskOffers, DirectWriteColumns.Offer[0].Name, reoffered);
        }

        if (_newInstances.Count > 0)
        {
            writer.Insert(EngineTables.Instances, DirectWriteColumns.Instance, [.. _newInstances.Values]);
        }

        var versionColumn = DirectWriteColumns.InstanceVersion;
        foreach (var (instance, expected) in _updatedInstances.Values)
        {
            // The version is always written, so the check runs even if nothing else changed.
            var changed = writer.Update(
                EngineTables.Instances, DirectWriteColumns.Instance, instance, _instancesAsRead.GetValueOrDefault(instance.Id),
                alwaysWritten: versionColumn, extraCondition: (versionColumn, expected));
            if (changed != 1)
            {
                throw new ConcurrencyException("A row this command changes was changed by another command first.");
            }
        }

        var insertedTasks = _tasks.Values.Where(t => t.Kind == WriteKind.Insert).Select(t => t.Task).ToList();
        if (insertedTasks.Count > 0)
        {
            writer.Insert(EngineTables.Tasks, DirectWriteColumns.Task, insertedTasks);
        }

        foreach (var (task, kind) in _tasks.Values)
        {
            if (kind != WriteKind.Update)
            {
                continue;
            }

            // Like SaveChanges: an update that finds no row means the row went away under this command.
            var changed = writer.Update(EngineTables.Tasks, DirectWriteColumns.Task, task, _tasksAsRead.GetValueOrDefault(task.Id));
            if (changed is 0)
            {
                throw new ConcurrencyException("A row this command changes was changed by another command first.");
            }
        }

        var candidates = insertedTasks.Concat(rewrittenCandidates.Select(id => _tasks[id].Task)).SelectMany(TaskCandidate.For).ToList();
        if (candidates.Count > 0)
        {
            writer.Insert(EngineTables.TaskCandidates, DirectWriteColumns.Candidate, candidates);
        }

        var offers = NewOffers(reoffered);
        if (offers.Count > 0)
        {
            writer.Insert(EngineTables.TaskOffers, DirectWriteColumns.Offer, offers);
        }

        var insertedJobs = _jobs.Values.Where(j => j.Kind == WriteKind.Insert).Select(j => j.Job!).ToList();
        if (insertedJobs.Count > 0)
        {
            writer.Insert(EngineTables.Jobs, DirectWriteColumns.Job, insertedJobs);
        }

        var insertedSubscriptions = _subscriptions.Values.Where(s => s.Kind == WriteKind.Insert).Select(s => s.Subscription!).ToList();
        if (insertedSubscriptions.Count > 0)
        {
            writer.Insert(EngineTables.Subscriptions, DirectWriteColumns.Subscription, insertedSubscriptions);
        }

        if (_history.Count > 0)
        {
            writer.Insert(EngineTables.History, DirectWriteColumns.History, _history);
        }
    }
}
