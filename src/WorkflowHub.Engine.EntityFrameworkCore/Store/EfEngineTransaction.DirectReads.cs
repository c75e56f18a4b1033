using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using WorkflowHub.Engine.EntityFrameworkCore.Sqlite.DirectReads;
using WorkflowHub.Engine.EntityFrameworkCore.Sqlite.Sessions;

namespace WorkflowHub.Engine.EntityFrameworkCore.Store;

/// <summary>
/// On SQLite the task and instance lookups of a command read through <see cref="SqliteDirectReader"/>: on the command's
/// session (statements kept prepared), or on the context's open connection (inside the owner's transaction when joined);
/// other providers use the compiled queries.
/// </summary>
internal sealed partial class EfEngineTransaction
{
    private bool TryDirectRead(out SqliteStatements statements)
    {
        if (_sessions is not null)
        {
            statements = Session.Statements;
            return true;
        }

        if (Db.Database.GetDbConnection() is SqliteConnection { State: System.Data.ConnectionState.Open } open)
        {
            var current = Db.Database.CurrentTransaction?.GetDbTransaction();
            if (current is null or SqliteTransaction)
            {
                statements = SqliteStatements.PerUse(open, (SqliteTransaction?)current);
                return true;
            }
        }

        statements = null!;
        return false;
    }

    private Task<InstanceRecord?> ReadInstanceAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        if (!TryDirectRead(out var statements))
        {
            return CompiledQueries.InstanceById(Db, instanceId, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(SqliteDirectReader.FindInstance(statements, instanceId));
    }

    private Task<UserTaskRecord?> ReadTaskAsync(Guid taskId, CancellationToken cancellationToken)
    {
        if (!TryDirectRead(out var statements))
        {
            return CompiledQueries.TaskById(Db, taskId, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(SqliteDirectReader.FindTask(statements, taskId));
    }
}
