using Microsoft.Data.Sqlite;
using WorkflowHub.Engine.EntityFrameworkCore.Sqlite.Sessions;
using WorkflowHub.Engine.EntityFrameworkCore.Tests.Support;
using static WorkflowHub.Engine.EntityFrameworkCore.Tests.Support.Records;

namespace WorkflowHub.Engine.EntityFrameworkCore.Tests.Sqlite;

/// <summary>
/// SQLite commands run on connections the store keeps open, with their statements kept prepared: a failed commit still
/// rolls back alone and leaves the connection usable, statements are reused, and the WAL is checkpointed in the background.
/// </summary>
public sealed class SessionTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_stale_or_duplicate_commit_rolls_back_alone_and_the_next_command_commits()
    {
        using var store = await _database.CreateMigratedStoreAsync();
        var instance = Instance(businessKey: "HZ-1");
        var task = UserTask(instance, "review");
        await using (var tx = await store.BeginAsync())
        {
            tx.AddInstance(instance);
            tx.AddTask(task);
            await tx.CommitAsync();
        }

        // Stale: expects version 5 while the row has 1. Its task update and history row must not survive.
        await using (var stale = await store.BeginAsync())
        {
            var read = (await stale.FindTaskAsync(task.Id))!;
            read.State = UserTaskState.Completed;
            stale.UpdateTask(read);
            stale.AppendHistory(History(instance, 2));
            var current = (await stale.FindInstanceAsync(instance.Id))!;
            current.Version = 6;
            stale.UpdateInstance(current, expectedVersion: 5);
            await Assert.ThrowsAsync<ConcurrencyException>(() => stale.CommitAsync());
        }

        // Duplicate: adds a task whose id exists. Its history row must not survive either.
        await using (var duplicate = await store.BeginAsync())
        {
            var again = UserTask(instance, "again");
            again.Id = task.Id;
            duplicate.AddTask(again);
            duplicate.AppendHistory(History(instance, 3));
            await Assert.ThrowsAsync<ConcurrencyException>(() => duplicate.CommitAsync());
        }

        Assert.Equal(UserTaskState.Active, (await store.FindTaskAsync(task.Id))!.State);
        Assert.Empty(await store.GetHistoryAsync(instance.Id));

        // The same (pooled) connection is left outside any transaction: the next command commits normally.
        await using (var next = await store.BeginAsync())
        {
            var read = (await next.FindTaskAsync(task.Id))!;
            read.State = UserTaskState.Completed;
            next.UpdateTask(read);
            var current = (await next.FindInstanceAsync(instance.Id))!;
            current.Version = 2;
            next.UpdateInstance(current, expectedVersion: 1);
            next.AppendHistory(History(instance, 2, HistoryEventType.ActivityCompleted));
            await next.CommitAsync();
        }

        Assert.Equal(UserTaskState.Completed, (await store.FindTaskAsync(task.Id))!.State);
        Assert.Equal(2, (await store.FindInstanceAsync(instance.Id))!.Version);
        Assert.Single(await store.GetHistoryAsync(instance.Id));
    }

    [Fact]
    public async Task Lookups_by_id_between_commands_see_every_commit_including_another_connections()
    {
        using var store = await _database.CreateMigratedStoreAsync();
        var instance = Instance(businessKey: "HZ-2");
        var task = UserTask(instance, "review");
        await using (var tx = await store.BeginAsync())
        {
            tx.AddInstance(instance);
            tx.AddTask(task);
            await tx.CommitAsync();
        }

        Assert.Equal(UserTaskState.Active, (await store.FindTaskAsync(task.Id))!.State);
        Assert.Equal(1, (await store.FindInstanceAsync(instance.Id))!.Version);

        // Written behind the store's back: a kept-open session must not answer from an old snapshot.
        using (var other = _database.OpenConnection())
        using (var update = other.CreateCommand())
        {
            update.CommandText = "UPDATE engine_tasks SET state = $state; UPDATE engine_instances SET version = 7";
            update.Parameters.AddWithValue("$state", (int)UserTaskState.Completed);
            update.ExecuteNonQuery();
        }

        Assert.Equal(UserTaskState.Completed, (await store.FindTaskAsync(task.Id))!.State);
        Assert.Equal(7, (await store.FindInstanceAsync(instance.Id))!.Version);
        Assert.Null(await store.FindTaskAsync(Guid.NewGuid()));
        Assert.Null(await store.FindInstanceAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task A_session_keeps_its_prepared_statements_between_commands()
    {
        using var store = await _database.CreateMigratedStoreAsync();
        using var pool = new SqliteSessionPool(_database.ConnectionString);
        const string sql = "SELECT count(*) FROM engine_tasks WHERE id = @p0";

        var session = pool.Rent();
        var first = session.Statements.Rent(sql, 1);
        session.Statements.Return(first);
        pool.Return(session);

        var again = pool.Rent();
        Assert.Same(session, again);
        var second = again.Statements.Rent(sql, 1);
        Assert.Same(first, second);
        second.Parameters[0].Value = "none";
        Assert.Equal(0L, second.ExecuteScalar());
        again.Statements.Return(second);
        pool.Return(again);
    }

    [Fact]
    public async Task A_session_left_inside_a_transaction_is_rolled_back_when_returned()
    {
        using var store = await _database.CreateMigratedStoreAsync();
        using var pool = new SqliteSessionPool(_database.ConnectionString);
        var session = pool.Rent();
        session.BeginImmediate();
        session.Statements.Execute("DELETE FROM engine_history");
        Assert.True(session.InTransaction);

        pool.Return(session);

        Assert.False(session.InTransaction);
    }

    [Fact]
    public async Task Commits_are_checkpointed_into_the_database_file_in_the_background()
    {
        using var store = await _database.CreateMigratedStoreAsync();
        var instance = Instance();
        await using (var tx = await store.BeginAsync())
        {
            tx.AddInstance(instance);
            await tx.CommitAsync();
        }

        var sizeBefore = new FileInfo(_database.FilePath).Length;

        // Enough commits to trigger a background checkpoint, far below the sessions' own auto-checkpoint threshold.
        for (var i = 0; i < SqliteSessionPool.CommitsPerCheckpoint + 10; i++)
        {
            await using var tx = await store.BeginAsync();
            var history = History(instance, i + 1);
            history.Data = new string('x', 2_000);
            tx.AppendHistory(history);
            await tx.CommitAsync();
        }

        // The main file grows only when WAL pages are copied into it, i.e. when a checkpoint ran.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (new FileInfo(_database.FilePath).Length <= sizeBefore && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(new FileInfo(_database.FilePath).Length > sizeBefore, "no checkpoint copied the WAL into the database file");
    }

    [Fact]
    public async Task Disposing_the_pool_waits_for_a_background_checkpoint_that_already_opened_its_session()
    {
        using (await _database.CreateMigratedStoreAsync())
        {
        }

        SqliteConnection.ClearAllPools();
        var pool = new SqliteSessionPool(_database.ConnectionString);

        // Another process holds the file exclusively: the checkpoint's session, once started, waits for it.
        var holder = new SqliteConnection(_database.ConnectionString + ";Pooling=False");
        holder.Open();
        Execute(holder, "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE");
        for (var commit = 0; commit < SqliteSessionPool.CommitsPerCheckpoint; commit++)
        {
            pool.NoteCommit();
        }

        // The holder's connection has the file open; a second handle is the checkpoint's session, now waiting.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (OpenHandlesTo(_database.FilePath) < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(OpenHandlesTo(_database.FilePath) >= 2, "the background checkpoint did not start");
        var released = Task.Run(async () =>
        {
            await Task.Delay(300);
            Execute(holder, "COMMIT");
            holder.Dispose();
        });

        pool.Dispose();
        SqliteConnection.ClearAllPools();

        // The last connection to close removes the WAL: the holder's is closed, and the checkpoint's did not outlive the pool.
        Assert.True(released.IsCompleted, "the pool was disposed while its checkpoint still waited for the file");
        Assert.False(File.Exists(_database.FilePath + "-wal"), "a connection outlived the pool");
        await released;
    }

    /// <summary>This process's open file descriptors on <paramref name="path"/> (Linux, where CI runs).</summary>
    private static int OpenHandlesTo(string path) =>
        Directory.EnumerateFileSystemEntries("/proc/self/fd").Count(descriptor => LinkTarget(descriptor) == path);

    private static string? LinkTarget(string descriptor)
    {
        try
        {
            return new FileInfo(descriptor).LinkTarget;
        }
        catch (IOException)
        {
            // Closed since it was listed.
            return null;
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
