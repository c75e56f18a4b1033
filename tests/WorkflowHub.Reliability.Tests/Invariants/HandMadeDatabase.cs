using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Engine.EntityFrameworkCore;
using WorkflowHub.Reliability.Tests.Crash;

namespace WorkflowHub.Reliability.Tests.Invariants;

/// <summary>
/// A database with the real schema (both sets of migrations) and a few rows written by hand that keep every invariant:
/// an active probe instance waiting at its review task (with its boundary timer) and at the join, a completed probe
/// instance, and a hazard waiting to be graded. Tests break one thing with SQL and expect the checker to notice.
/// </summary>
public sealed class HandMadeDatabase : IDisposable
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public const string ActiveInstance = "A0000000-0000-0000-0000-00000000000A";
    public const string CompletedInstance = "B0000000-0000-0000-0000-00000000000B";
    public const string HazardInstance = "C0000000-0000-0000-0000-00000000000C";
    public const string ReviewTask = "A1000000-0000-0000-0000-0000000000A1";
    public const string CompletedTask = "B1000000-0000-0000-0000-0000000000B1";
    public const string GradingTask = "C1000000-0000-0000-0000-0000000000C1";
    public const string EscalationTimer = "A2000000-0000-0000-0000-0000000000A2";
    public const string Hazard = "D0000000-0000-0000-0000-00000000000D";
    public const string ProbeDefinition = "crash-probe:1:test";
    public const string HazardDefinition = "hazard-rectification:1:test";

    private readonly string _folder = Directory.CreateTempSubdirectory("workflowhub-checker-").FullName;

    private HandMadeDatabase()
    {
        Path = System.IO.Path.Combine(_folder, "checked.db");
    }

    public string Path { get; }

    /// <summary>What the server would have acknowledged for these rows.</summary>
    public AcknowledgedWork Acknowledged { get; } = new();

    public static async Task<HandMadeDatabase> CreateAsync()
    {
        var database = new HandMadeDatabase();
        try
        {
            await database.MigrateAsync();
            database.Execute(HealthyRows());
        }
        catch
        {
            database.Dispose();
            throw;
        }

        database.Acknowledged.HazardReported(Guid.Parse(Hazard), Guid.Parse(HazardInstance));
        database.Acknowledged.InstanceStarted(Guid.Parse(ActiveInstance));
        database.Acknowledged.InstanceStarted(Guid.Parse(CompletedInstance));
        database.Acknowledged.TaskClaimed(Guid.Parse(CompletedTask), "office");
        database.Acknowledged.TaskCompleted(Guid.Parse(CompletedTask), "office");
        return database;
    }

    public static long Ticks(DateTimeOffset instant) => instant.UtcTicks;

    /// <summary>Runs SQL against the file, foreign keys off (a crash-broken database need not respect them).</summary>
    public void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path};Foreign Keys=False;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task MigrateAsync()
    {
        var options = new DbContextOptionsBuilder<CampaignDbContext>();
        CampaignDbContextOptions.Configure(options, $"Data Source={Path};Pooling=False");
        // The schema the migrations make is what the checker reads; a model change still waiting for its migration does not matter here.
        options.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));
        await using (var campaign = new CampaignDbContext(options.Options))
        {
            await campaign.Database.MigrateAsync();
        }

        await EfEngineStore.ForSqlite($"Data Source={Path};Pooling=False").MigrateAsync();
    }

    /// <summary>The document of the active probe instance: the review token owning its boundary timer, and a token at the join.</summary>
    public static string ActiveDocument(string tokens = $$"""
        {"i":2,"p":1,"k":1,"e":"Task_Review","w":1,"a":"Flow_ToReview","j":["{{EscalationTimer}}","Timer_Escalate"],"t":"{{ReviewTask}}"},
        {"i":3,"p":1,"k":1,"e":"Join","w":6,"a":"Flow_ShortToJoin"}
        """) =>
        $$"""{"n":4,"h":20,"x":[{"i":1,"k":0},{{tokens}}],"c":["Start","Fork","Timer_Wait","Timer_Short"]}""";

    private static string HealthyRows()
    {
        var t = Ticks(AsOf.AddMinutes(-10));
        var due = Ticks(AsOf.AddMinutes(5));
        var xml = ProbeWorkflow.Xml.Replace("'", "''", StringComparison.Ordinal);
        const string hazardDocument = $$"""{"n":3,"h":5,"x":[{"i":1,"k":0},{"i":2,"p":1,"k":1,"e":"Task_GradeHazard","w":1,"t":"{{GradingTask}}"}],"c":["StartEvent_Reported"]}""";
        const string completedDocument = """{"n":5,"h":12,"x":[],"c":["End"]}""";
        return $"""
            INSERT INTO engine_definitions (id, key, version, name, xml, content_hash, deployed_at, deployed_by)
            VALUES ('{ProbeDefinition}', 'crash-probe', 1, 'Crash probe', '{xml}', 'hash', {t}, 'admin');

            INSERT INTO engine_instances (id, definition_id, definition_key, definition_version, state, started_at, ended_at, version, document)
            VALUES ('{ActiveInstance}', '{ProbeDefinition}', 'crash-probe', 1, 0, {t}, NULL, 5, '{ActiveDocument()}'),
                   ('{CompletedInstance}', '{ProbeDefinition}', 'crash-probe', 1, 1, {t}, {t}, 9, '{completedDocument}'),
                   ('{HazardInstance}', '{HazardDefinition}', 'hazard-rectification', 1, 0, {t}, NULL, 1, '{hazardDocument}');

            INSERT INTO engine_tasks (id, instance_id, execution_id, definition_id, definition_key, element_id, assignee, candidate_users, candidate_groups, priority, state, created_at, completed_at, completed_by)
            VALUES ('{ReviewTask}', '{ActiveInstance}', 2, '{ProbeDefinition}', 'crash-probe', 'Task_Review', NULL, '[]', '["role:CommitteeOffice"]', 50, 0, {t}, NULL, NULL),
                   ('{CompletedTask}', '{CompletedInstance}', 2, '{ProbeDefinition}', 'crash-probe', 'Task_Review', 'office', '[]', '["role:CommitteeOffice"]', 50, 1, {t}, {t}, 'office'),
                   ('{GradingTask}', '{HazardInstance}', 2, '{HazardDefinition}', 'hazard-rectification', 'Task_GradeHazard', NULL, '[]', '["city-fire-rescue"]', 50, 0, {t}, NULL, NULL);

            INSERT INTO engine_jobs (id, kind, instance_id, execution_id, definition_id, definition_key, element_id, due_at, retries, priority, exclusive, created_at)
            VALUES ('{EscalationTimer}', 0, '{ActiveInstance}', 2, '{ProbeDefinition}', 'crash-probe', 'Timer_Escalate', {due}, 3, 50, 1, {t});

            INSERT INTO engine_history (id, instance_id, sequence, definition_id, type, element_id, element_type, task_id, user_id, timestamp, data) VALUES
              ('{Guid.NewGuid()}', '{ActiveInstance}', 1, '{ProbeDefinition}', 0, NULL, NULL, NULL, 'office', {t}, NULL),
              ('{Guid.NewGuid()}', '{ActiveInstance}', 2, '{ProbeDefinition}', 10, 'Timer_Wait', 'intermediateCatchEvent', NULL, NULL, {t}, NULL),
              ('{Guid.NewGuid()}', '{ActiveInstance}', 3, '{ProbeDefinition}', 10, 'Timer_Short', 'intermediateCatchEvent', NULL, NULL, {t}, NULL),
              ('{Guid.NewGuid()}', '{ActiveInstance}', 4, '{ProbeDefinition}', 51, 'Timer_Wait', 'intermediateCatchEvent', NULL, NULL, {t}, NULL),
              ('{Guid.NewGuid()}', '{ActiveInstance}', 5, '{ProbeDefinition}', 10, 'Task_Review', 'userTask', NULL, NULL, {t}, NULL),
              ('{Guid.NewGuid()}', '{ActiveInstance}', 6, '{ProbeDefinition}', 20, 'Task_Review', 'userTask', '{ReviewTask}', NULL, {t}, NULL),
              ('{Guid.NewGuid()}', '{ActiveInstance}', 7, '{ProbeDefinition}', 51, 'Timer_Short', 'intermediateCatchEvent', NULL, NULL, {t}, NULL),
              ('{Guid.NewGuid()}', '{CompletedInstance}', 1, '{ProbeDefinition}', 0, NULL, NULL, NULL, 'office', {t}, NULL),
              ('{Guid.NewGuid()}', '{CompletedInstance}', 2, '{ProbeDefinition}', 20, 'Task_Review', 'userTask', '{CompletedTask}', NULL, {t}, NULL),
              ('{Guid.NewGuid()}', '{CompletedInstance}', 3, '{ProbeDefinition}', 22, 'Task_Review', 'userTask', '{CompletedTask}', 'office', {t}, NULL),
              ('{Guid.NewGuid()}', '{CompletedInstance}', 4, '{ProbeDefinition}', 10, 'End', 'endEvent', NULL, NULL, {t}, NULL),
              ('{Guid.NewGuid()}', '{CompletedInstance}', 5, '{ProbeDefinition}', 1, NULL, NULL, NULL, NULL, {t}, NULL),
              ('{Guid.NewGuid()}', '{HazardInstance}', 1, '{HazardDefinition}', 0, NULL, NULL, NULL, 'office', {t}, NULL),
              ('{Guid.NewGuid()}', '{HazardInstance}', 2, '{HazardDefinition}', 20, 'Task_GradeHazard', 'userTask', '{GradingTask}', NULL, {t}, NULL);

            INSERT INTO Hazards (Id, Number, Title, Description, AreaCode, DistrictCode, ResponsibleUnitCode, Source, FoundAt, Grade, State,
                                 ListedForSupervision, RejectionCount, LinkedToAccident, InstanceId, ReportedBy, ReportedAt, Version)
            VALUES ('{Hazard}', 'YH2026000001', '消防通道堵塞', '需立即清理', 'fire-safety', 'district-acheng', 'city-fire-rescue', 'Inspection', {t},
                    'Ungraded', 'Grading', 0, 0, 0, '{HazardInstance}', 'office', {t}, 1);
            """;
    }
}
