using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace WorkflowHub.Engine.EntityFrameworkCore.Transactions;

/// <summary>
/// Makes the engine write inside a database transaction the application owns, so a command such as "report a hazard"
/// stores the hazard and starts its workflow atomically. While the scope is current (it flows with async calls),
/// <see cref="EfEngineStore"/> runs every engine transaction and query on <see cref="Connection"/> within
/// <see cref="Transaction"/>; an engine commit saves its rows but does not commit: the owner commits or rolls back.
/// <code>
/// await using var tx = await appDb.Database.BeginTransactionAsync();
/// using (EngineTransactionScope.Join(appDb.Database))
/// {
///     appDb.Hazards.Add(hazard); await appDb.SaveChangesAsync();
///     await engine.StartAsync("hazard-rectification", businessKey: hazard.Id.ToString());
/// }
/// await tx.CommitAsync();
/// </code>
/// Job acquisition never joins: it always uses a connection of its own.
/// </summary>
public sealed class EngineTransactionScope : IDisposable
{
    private static readonly AsyncLocal<EngineTransactionScope?> Ambient = new();

    private readonly EngineTransactionScope? _previous;
    private bool _disposed;

    private EngineTransactionScope(DbConnection connection, DbTransaction transaction)
    {
        Connection = connection;
        Transaction = transaction;
        _previous = Ambient.Value;
        Ambient.Value = this;
    }

    /// <summary>The scope in force on this async flow, or null.</summary>
    public static EngineTransactionScope? Current => Ambient.Value;

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    /// <summary>Joins an open ADO.NET transaction. Call it directly in the method that will run the engine commands (not in a helper that is awaited), since an async-local set inside an awaited method does not flow back to its caller.</summary>
    public static EngineTransactionScope Join(DbConnection connection, DbTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        if (!ReferenceEquals(transaction.Connection, connection))
        {
            throw new ArgumentException("The transaction does not belong to the connection.", nameof(transaction));
        }

        return new EngineTransactionScope(connection, transaction);
    }

    /// <summary>Joins the transaction the application's DbContext has begun (<c>Database.BeginTransactionAsync()</c>).</summary>
    public static EngineTransactionScope Join(DatabaseFacade database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var transaction = database.CurrentTransaction
            ?? throw new InvalidOperationException("Begin a transaction on the application's context before joining the engine to it.");
        return Join(database.GetDbConnection(), transaction.GetDbTransaction());
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (ReferenceEquals(Ambient.Value, this))
        {
            Ambient.Value = _previous;
        }
    }
}
