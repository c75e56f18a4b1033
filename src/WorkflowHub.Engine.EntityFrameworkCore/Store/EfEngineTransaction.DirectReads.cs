using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace WorkflowHub.Engine.EntityFrameworkCore.Store;

/// <summary>
/// On SQLite the task and instance lookups of a command read through <see cref="Sqlite.DirectReads.SqliteDirectReader"/>
/// on the command's open connection (inside the owner's transaction when joined); other providers use the compiled queries.
/// </summary>
internal sealed partial class EfEngineTransaction
{
    private bool TryDirectRead(out SqliteConnection connection, out SqliteTransaction? transaction)
    {
        transaction = null;
        if (db.Database.GetDbConnection() is SqliteConnection { State: System.Data.ConnectionState.Open } open)
        {
            var current = db.Database.CurrentTransaction?.GetDbTransaction();
            if (current is null or SqliteTransaction)
            {
                connection = open;
                transaction = (SqliteTransaction?)current;
                return true;
            }
        }

        connection = null!;
        return false;
    }

    private Task<InstanceRecord?> ReadInstanceAsync(Guid instanceId, CancellationToken cancellationToken) =>
        TryDirectRead(out var connection, out var transaction)
            ? Sqlite.DirectReads.SqliteDirectReader.FindInstanceAsync(connection, transaction, instanceId, cancellationToken)
            : CompiledQueries.InstanceById(db, instanceId, cancellationToken);

    private Task<UserTaskRecord?> ReadTaskAsync(Guid taskId, CancellationToken cancellationToken) =>
        TryDirectRead(out var connection, out var transaction)
            ? Sqlite.DirectReads.SqliteDirectReader.FindTaskAsync(connection, transaction, taskId, cancellationToken)
            : CompiledQueries.TaskById(db, taskId, cancellationToken);
}
