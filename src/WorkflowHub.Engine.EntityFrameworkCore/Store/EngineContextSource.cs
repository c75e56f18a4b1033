using Microsoft.EntityFrameworkCore;
using WorkflowHub.Engine.EntityFrameworkCore.Providers;
using WorkflowHub.Engine.EntityFrameworkCore.Transactions;

namespace WorkflowHub.Engine.EntityFrameworkCore.Store;

/// <summary>
/// Hands out contexts: from the pool normally, or — when an <see cref="EngineTransactionScope"/> is current — a context
/// on the application's connection enlisted in its transaction (not pooled, because its connection is not ours).
/// </summary>
internal sealed class EngineContextSource(IDbContextFactory<EngineDbContext> pool, IEngineDatabaseProvider provider)
{
    public IEngineDatabaseProvider Provider { get; } = provider;

    public EngineDbContext Create(out bool joinedAmbient)
    {
        var scope = EngineTransactionScope.Current;
        joinedAmbient = scope is not null;
        var db = scope is null ? pool.CreateDbContext() : CreateOn(scope);

        // Our commits manage their own transaction (or the owner's); EF's automatic savepoints would only add statements.
        db.Database.AutoSavepointsEnabled = false;
        return db;
    }

    public EngineDbContext Create() => Create(out _);

    /// <summary>A pooled context that ignores any ambient scope (job acquisition always uses its own connection).</summary>
    public EngineDbContext CreateDetached()
    {
        var db = pool.CreateDbContext();
        db.Database.AutoSavepointsEnabled = false;
        return db;
    }

    // The pool's model, shared with joined contexts: compiled queries only run against the model they were compiled for.
    private Microsoft.EntityFrameworkCore.Metadata.IModel? _model;

    private Microsoft.EntityFrameworkCore.Metadata.IModel Model
    {
        get
        {
            if (_model is null)
            {
                using var pooled = pool.CreateDbContext();
                _model = pooled.Model;
            }

            return _model;
        }
    }

    private EngineDbContext CreateOn(EngineTransactionScope scope)
    {
        var builder = new DbContextOptionsBuilder<EngineDbContext>();
        Provider.Configure(builder, scope.Connection);
        builder.UseModel(Model);
        var db = new EngineDbContext(builder.Options);
        db.Database.UseTransaction(scope.Transaction);
        return db;
    }
}
