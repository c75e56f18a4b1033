using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Engine.EntityFrameworkCore.DependencyInjection;
using WorkflowHub.Engine.EntityFrameworkCore.Model;
using WorkflowHub.Engine.EntityFrameworkCore.Tests.Support;
using WorkflowHub.Testing.EntityFrameworkCore;

namespace WorkflowHub.Engine.EntityFrameworkCore.Tests.Sqlite;

public sealed class MigrationTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    [Fact]
    public async Task Migrating_an_empty_file_creates_the_engine_tables_with_their_own_history_table_and_WAL()
    {
        var services = new ServiceCollection().AddWorkflowEngineEntityFrameworkCore(_database.ConnectionString).BuildServiceProvider();
        await services.MigrateEngineDatabaseAsync();

        using var connection = _database.OpenConnection();
        var tables = Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        Assert.Equal(
            new[] { EngineTables.MigrationsHistory, "__EFMigrationsLock", EngineTables.Definitions, EngineTables.History, EngineTables.Incidents, EngineTables.Instances, EngineTables.Jobs, EngineTables.Subscriptions, EngineTables.TaskCandidates, EngineTables.TaskOffers, EngineTables.Tasks }.Order(StringComparer.Ordinal),
            tables.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("__EFMigrationsHistory", tables);
        Assert.Equal(["InitialEngine", "InboxCoveringIndex", "TaskOffers"], Strings(connection, $"SELECT MigrationId FROM {EngineTables.MigrationsHistory}").Select(id => id[(id.IndexOf('_') + 1)..]));
        Assert.Equal(["wal"], Strings(connection, "PRAGMA journal_mode"));
        var indexes = Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'IX_%'");
        Assert.Contains("IX_engine_definitions_key_version", indexes);
        Assert.Contains("IX_engine_task_candidates_kind_value_task_id", indexes);
        Assert.Contains("IX_engine_task_offers_kind_value_created_at_due_date_priority_task_id", indexes);
        Assert.Contains("IX_engine_history_instance_id_sequence", indexes);
        Assert.Contains("IX_engine_subscriptions_message_name_business_key", indexes);
        Assert.Contains("IX_engine_jobs_due_at_priority", indexes);
        Assert.Contains("IX_engine_incidents_state_created_at", indexes);
    }

    [Fact]
    public async Task Migrating_is_idempotent_and_leaves_the_application_tables_and_history_alone()
    {
        using (var connection = _database.OpenConnection())
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsHistory" VALUES ('20260101000000_InitialCampaign', '10.0.15');
                CREATE TABLE campaign_hazards (id INTEGER PRIMARY KEY, title TEXT NOT NULL);
                INSERT INTO campaign_hazards (title) VALUES ('配电房消防通道堵塞');
                """;
            command.ExecuteNonQuery();
        }

        var store = EfEngineStore.ForSqlite(_database.FilePath);
        await store.MigrateAsync();
        await store.MigrateAsync();

        var options = new DbContextOptionsBuilder<EngineDbContext>().UseSqlite(_database.ConnectionString, o => o.MigrationsHistoryTable(EngineTables.MigrationsHistory)).Options;
        await using (var db = new EngineDbContext(options))
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        }

        using var check = _database.OpenConnection();
        Assert.Equal(["20260101000000_InitialCampaign"], Strings(check, "SELECT MigrationId FROM __EFMigrationsHistory"));
        Assert.Equal(["配电房消防通道堵塞"], Strings(check, "SELECT title FROM campaign_hazards"));
    }

    [Fact]
    public async Task A_restart_with_nothing_pending_does_not_run_the_migrator()
    {
        using var runs = new MigratorRuns(_database.FilePath);
        using (var first = EfEngineStore.ForSqlite(_database.FilePath))
        {
            await first.MigrateAsync();
        }

        Assert.Equal(1, runs.Count);

        using var restarted = EfEngineStore.ForSqlite(_database.FilePath);
        await restarted.MigrateAsync();

        Assert.Equal(1, runs.Count);
        var options = new DbContextOptionsBuilder<EngineDbContext>().UseSqlite(_database.ConnectionString, o => o.MigrationsHistoryTable(EngineTables.MigrationsHistory)).Options;
        await using var db = new EngineDbContext(options);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task A_restart_with_one_migration_pending_runs_the_migrator_and_applies_it()
    {
        var options = new DbContextOptionsBuilder<EngineDbContext>().UseSqlite(_database.ConnectionString, o => o.MigrationsHistoryTable(EngineTables.MigrationsHistory)).Options;
        await using (var db = new EngineDbContext(options))
        {
            await db.GetService<IMigrator>().MigrateAsync("InboxCoveringIndex");
        }

        using var runs = new MigratorRuns(_database.FilePath);
        using (var store = EfEngineStore.ForSqlite(_database.FilePath))
        {
            await store.MigrateAsync();
        }

        Assert.Equal(1, runs.Count);
        using var check = _database.OpenConnection();
        Assert.Equal(["InitialEngine", "InboxCoveringIndex", "TaskOffers"], Strings(check, $"SELECT MigrationId FROM {EngineTables.MigrationsHistory} ORDER BY MigrationId").Select(id => id[(id.IndexOf('_') + 1)..]));
    }

    [Fact]
    public async Task The_offers_migration_fills_the_open_offers_of_the_tasks_already_there()
    {
        var options = new DbContextOptionsBuilder<EngineDbContext>().UseSqlite(_database.ConnectionString, o => o.MigrationsHistoryTable(EngineTables.MigrationsHistory)).Options;
        await using (var db = new EngineDbContext(options))
        {
            await db.GetService<IMigrator>().MigrateAsync("InboxCoveringIndex");
        }

        // Tasks as the previous schema held them: open, claimed, completed and cancelled, with their candidate rows.
        using (var connection = _database.OpenConnection())
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                INSERT INTO {EngineTables.Tasks} (id, instance_id, execution_id, definition_id, definition_key, element_id, assignee,
                    candidate_users, candidate_groups, due_date, priority, state, created_at) VALUES
                    ('A0000000-0000-0000-0000-000000000001', 'B0000000-0000-0000-0000-000000000001', 1, 'hazard:1', 'hazard', 'open', NULL, '["wang"]', '["消防支队"]', 700, 80, 0, 100),
                    ('A0000000-0000-0000-0000-000000000002', 'B0000000-0000-0000-0000-000000000001', 1, 'hazard:1', 'hazard', 'claimed', 'li', '[]', '["消防支队"]', NULL, 50, 0, 200),
                    ('A0000000-0000-0000-0000-000000000003', 'B0000000-0000-0000-0000-000000000001', 1, 'hazard:1', 'hazard', 'completed', NULL, '[]', '["消防支队"]', NULL, 50, 1, 300),
                    ('A0000000-0000-0000-0000-000000000004', 'B0000000-0000-0000-0000-000000000001', 1, 'hazard:1', 'hazard', 'cancelled', NULL, '[]', '["消防支队"]', NULL, 50, 2, 400);
                INSERT INTO {EngineTables.TaskCandidates} (task_id, kind, value) VALUES
                    ('A0000000-0000-0000-0000-000000000001', 0, 'wang'),
                    ('A0000000-0000-0000-0000-000000000001', 1, '消防支队'),
                    ('A0000000-0000-0000-0000-000000000002', 1, '消防支队'),
                    ('A0000000-0000-0000-0000-000000000003', 1, '消防支队'),
                    ('A0000000-0000-0000-0000-000000000004', 1, '消防支队');
                """;
            command.ExecuteNonQuery();
        }

        using var store = EfEngineStore.ForSqlite(_database.ConnectionString);
        await store.MigrateAsync();

        using var check = _database.OpenConnection();
        Assert.Equal(
            ["A0000000-0000-0000-0000-000000000001|0|wang|100|700|80", "A0000000-0000-0000-0000-000000000001|1|消防支队|100|700|80"],
            Strings(check, $"SELECT task_id || '|' || kind || '|' || value || '|' || created_at || '|' || due_date || '|' || priority FROM {EngineTables.TaskOffers} ORDER BY kind"));
        var inbox = await store.QueryTasksAsync(new TaskQuery { Unassigned = true, CandidateGroups = ["消防支队"] });
        Assert.Equal(["open"], inbox.Items.Select(t => t.ElementId));
        Assert.Equal(1, inbox.TotalCount);
    }
}
