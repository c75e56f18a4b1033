using Microsoft.Data.Sqlite;

namespace WorkflowHub.Engine.EntityFrameworkCore.Tests.Support;

/// <summary>A SQLite file in a temp folder of its own, deleted with the folder at the end of the test.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "wh-efstore-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "engine.db");
    }

    public string Folder { get; }

    public string FilePath { get; }

    public string ConnectionString => $"Data Source={FilePath}";

    public async Task<EfEngineStore> CreateMigratedStoreAsync()
    {
        var store = EfEngineStore.ForSqlite(ConnectionString);
        await store.MigrateAsync();
        return store;
    }

    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        // Pooled connections keep the file open; release them before deleting.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A connection still closing; the temp folder is cleaned by the OS eventually.
        }
    }
}
