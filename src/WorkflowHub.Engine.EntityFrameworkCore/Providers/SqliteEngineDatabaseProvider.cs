using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Engine.EntityFrameworkCore.Jobs;
using WorkflowHub.Engine.EntityFrameworkCore.Model;
using WorkflowHub.Engine.EntityFrameworkCore.Sqlite;

namespace WorkflowHub.Engine.EntityFrameworkCore.Providers;

/// <summary>SQLite: one file, WAL, a busy timeout, the engine's own migrations history table.</summary>
public sealed class SqliteEngineDatabaseProvider : IEngineDatabaseProvider
{
    private readonly SqlitePragmaInterceptor _pragmas = new();

    /// <param name="connectionStringOrPath">A SQLite connection string ("Data Source=engine.db") or a bare file path.</param>
    public SqliteEngineDatabaseProvider(string connectionStringOrPath)
    {
        ConnectionString = SqliteConnectionStrings.Normalize(connectionStringOrPath);
    }

    public string ConnectionString { get; }

    public IJobAcquisitionStrategy JobAcquisition { get; } = new SqliteJobAcquisitionStrategy();

    public void Configure(DbContextOptionsBuilder builder) =>
        builder
            .UseSqlite(ConnectionString, sqlite => sqlite.MigrationsHistoryTable(EngineTables.MigrationsHistory))
            .AddInterceptors(_pragmas)
            .EnableThreadSafetyChecks(false);

    public void Configure(DbContextOptionsBuilder builder, DbConnection connection) =>
        builder
            .UseSqlite(connection, sqlite => sqlite.MigrationsHistoryTable(EngineTables.MigrationsHistory))
            .EnableThreadSafetyChecks(false);
}
