using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WorkflowHub.Testing.EntityFrameworkCore;

/// <summary>
/// Counts EF Core migrator runs (its "migrating using connection" event) on one SQLite file, from EF Core's diagnostic
/// listener, whichever context or options ran them; runs on other files (tests in parallel) are ignored.
/// </summary>
public sealed class MigratorRuns : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _filePath;
    private readonly IDisposable _allListeners;
    private readonly ConcurrentBag<IDisposable> _subscriptions = [];
    private int _count;

    public MigratorRuns(string filePath)
    {
        _filePath = Path.GetFullPath(filePath);
        _allListeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public int Count => Volatile.Read(ref _count);

    public void Dispose()
    {
        _allListeners.Dispose();
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            _subscriptions.Add(value.Subscribe(this, name => name == RelationalEventId.MigrateUsingConnection.Name));
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.MigrateUsingConnection.Name
            && value.Value is MigratorConnectionEventData { Connection: SqliteConnection connection }
            && string.Equals(Path.GetFullPath(new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource), _filePath, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _count);
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }
}
