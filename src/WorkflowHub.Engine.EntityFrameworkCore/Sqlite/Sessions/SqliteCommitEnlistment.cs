namespace WorkflowHub.Engine.EntityFrameworkCore.Sqlite.Sessions;

/// <summary>
/// Rows another feature asks to commit together with the next engine command of its async flow on the same SQLite
/// file — the audit entry of the application command that runs the engine command — inside that command's own
/// savepoint of the group commit, so both commit or neither, in one turn of the writer gate instead of two. Only a
/// command committed on the store's kept sessions takes it (<see cref="TakeFor"/>); if none does, or its commit fails,
/// <see cref="Withdraw"/> answers false and the owner writes its rows itself. Dispose ends the offer.
/// </summary>
internal sealed class SqliteCommitEnlistment : IDisposable
{
    private const int Open = 0;
    private const int Taken = 1;
    private const int Closed = 2;
    private const int CommittedState = 3;

    private static readonly AsyncLocal<SqliteCommitEnlistment?> Current = new();

    private readonly SqliteWriterGate _file;
    private readonly Action<SqliteStatements> _write;
    private readonly SqliteCommitEnlistment? _previous;
    private int _state;

    private SqliteCommitEnlistment(SqliteWriterGate file, Action<SqliteStatements> write, SqliteCommitEnlistment? previous)
    {
        _file = file;
        _write = write;
        _previous = previous;
    }

    /// <summary>True once an engine command committed the rows with its own.</summary>
    public bool Committed => Volatile.Read(ref _state) == CommittedState;

    /// <summary>Offers <paramref name="write"/> to the next engine command of this async flow on the file <paramref name="file"/> guards.</summary>
    public static SqliteCommitEnlistment Offer(SqliteWriterGate file, Action<SqliteStatements> write)
    {
        var enlistment = new SqliteCommitEnlistment(file, write, Current.Value);
        Current.Value = enlistment;
        return enlistment;
    }

    /// <summary>The open offer of this async flow for <paramref name="file"/>, now taken by the caller's commit; null if there is none.</summary>
    public static SqliteCommitEnlistment? TakeFor(SqliteWriterGate file) =>
        Current.Value is { } offer && ReferenceEquals(offer._file, file) && Interlocked.CompareExchange(ref offer._state, Taken, Open) == Open
            ? offer
            : null;

    /// <summary>Writes the offered rows inside the taking command's savepoint.</summary>
    public void Write(SqliteStatements statements) => _write(statements);

    /// <summary>The taking command committed: the rows are durable.</summary>
    public void MarkCommitted() => Volatile.Write(ref _state, CommittedState);

    /// <summary>The taking command failed: its retry, or the owner, may still write the rows.</summary>
    public void Release() => Interlocked.CompareExchange(ref _state, Open, Taken);

    /// <summary>
    /// Ends the offer and tells whether the rows were committed. A commit that took it and is still in flight (a task the
    /// flow started, which inherits the offer) is waited for, so the owner never writes the rows a second time.
    /// </summary>
    public bool Withdraw()
    {
        var spin = new SpinWait();
        while (Interlocked.CompareExchange(ref _state, Closed, Open) == Taken)
        {
            spin.SpinOnce();
        }

        return Committed;
    }

    public void Dispose()
    {
        Withdraw();
        Current.Value = _previous;
    }
}
