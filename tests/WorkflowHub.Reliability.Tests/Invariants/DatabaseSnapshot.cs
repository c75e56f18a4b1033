using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace WorkflowHub.Reliability.Tests.Invariants;

/// <summary>
/// The rows the invariants look at, read straight from the SQLite file with plain SQL (not through the application's
/// code, whose bugs the checker must not share). Column names and encodings are the stored ones: Guid as TEXT,
/// instants as UTC ticks, enums as INTEGER (the engine) or as their names (the campaign's hazards).
/// </summary>
public sealed class DatabaseSnapshot
{
    public required IReadOnlyDictionary<Guid, InstanceRow> Instances { get; init; }
    public required IReadOnlyDictionary<Guid, TaskRow> Tasks { get; init; }
    public required IReadOnlyDictionary<Guid, JobRow> Jobs { get; init; }
    public required IReadOnlyDictionary<Guid, SubscriptionRow> Subscriptions { get; init; }
    public required IReadOnlyDictionary<Guid, IncidentRow> Incidents { get; init; }
    public required IReadOnlyList<HistoryRow> History { get; init; }
    public required IReadOnlyDictionary<string, string> DefinitionXml { get; init; }
    public required IReadOnlyDictionary<Guid, HazardRow> Hazards { get; init; }

    public static DatabaseSnapshot Read(string databasePath)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        using var connection = new SqliteConnection(builder.ConnectionString);
        connection.Open();
        return new DatabaseSnapshot
        {
            Instances = Query(connection, "SELECT id, definition_id, state, ended_at, document FROM engine_instances",
                r => new InstanceRow(G(r, 0), r.GetString(1), (int)r.GetInt64(2), r.IsDBNull(3) ? null : r.GetInt64(3), InstanceDocumentView.Parse(r.GetString(4)))).ToDictionary(i => i.Id),
            Tasks = Query(connection, "SELECT id, instance_id, element_id, state, assignee, completed_by FROM engine_tasks",
                r => new TaskRow(G(r, 0), G(r, 1), r.GetString(2), (int)r.GetInt64(3), S(r, 4), S(r, 5))).ToDictionary(t => t.Id),
            Jobs = Query(connection, "SELECT id, kind, instance_id, execution_id, element_id, due_at, retries FROM engine_jobs",
                r => new JobRow(G(r, 0), (int)r.GetInt64(1), r.IsDBNull(2) ? null : G(r, 2), (int)r.GetInt64(3), r.GetString(4), new DateTimeOffset(r.GetInt64(5), TimeSpan.Zero), (int)r.GetInt64(6))).ToDictionary(j => j.Id),
            Subscriptions = Query(connection, "SELECT id, instance_id, execution_id, element_id FROM engine_subscriptions",
                r => new SubscriptionRow(G(r, 0), r.IsDBNull(1) ? null : G(r, 1), (int)r.GetInt64(2), r.GetString(3))).ToDictionary(s => s.Id),
            Incidents = Query(connection, "SELECT id, instance_id, state FROM engine_incidents",
                r => new IncidentRow(G(r, 0), G(r, 1), (int)r.GetInt64(2))).ToDictionary(i => i.Id),
            History = Query(connection, "SELECT instance_id, sequence, type, element_id, element_type, task_id FROM engine_history",
                r => new HistoryRow(G(r, 0), r.GetInt64(1), (int)r.GetInt64(2), S(r, 3), S(r, 4), r.IsDBNull(5) ? null : G(r, 5))),
            DefinitionXml = Query(connection, "SELECT id, xml FROM engine_definitions", r => (Id: r.GetString(0), Xml: r.GetString(1))).ToDictionary(d => d.Id, d => d.Xml),
            Hazards = Query(connection, "SELECT Id, InstanceId, State, Grade FROM Hazards",
                r => new HazardRow(G(r, 0), r.IsDBNull(1) ? null : G(r, 1), r.GetString(2), r.GetString(3))).ToDictionary(h => h.Id),
        };
    }

    private static List<T> Query<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private static Guid G(SqliteDataReader reader, int ordinal) => Guid.Parse(reader.GetString(ordinal));

    private static string? S(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

/// <summary>Engine enum values as stored (InstanceState, UserTaskState, JobKind, IncidentState, HistoryEventType).</summary>
public static class Stored
{
    public const int InstanceActive = 0;
    public const int InstanceCompleted = 1;
    public const int TaskActive = 0;
    public const int TaskCompleted = 1;
    public const int JobTimer = 0;
    public const int IncidentOpen = 0;
    public const int HistoryInstanceStarted = 0;
    public const int HistoryInstanceCompleted = 1;
    public const int HistoryInstanceTerminated = 2;
    public const int HistoryInstanceCancelled = 3;
    public const int HistoryActivityStarted = 10;
    public const int HistoryActivityCompleted = 11;
    public const int HistoryTaskCreated = 20;
    public const int HistoryTaskCompleted = 22;
    public const int HistoryTimerFired = 51;
}

public sealed record InstanceRow(Guid Id, string DefinitionId, int State, long? EndedAtTicks, InstanceDocumentView Document);

public sealed record TaskRow(Guid Id, Guid InstanceId, string ElementId, int State, string? Assignee, string? CompletedBy);

public sealed record JobRow(Guid Id, int Kind, Guid? InstanceId, int ExecutionId, string ElementId, DateTimeOffset DueAt, int Retries);

public sealed record SubscriptionRow(Guid Id, Guid? InstanceId, int ExecutionId, string ElementId);

public sealed record IncidentRow(Guid Id, Guid InstanceId, int State);

public sealed record HistoryRow(Guid InstanceId, long Sequence, int Type, string? ElementId, string? ElementType, Guid? TaskId);

public sealed record HazardRow(Guid Id, Guid? InstanceId, string State, string Grade);

/// <summary>
/// The execution tree of an instance as the engine stores it in <c>engine_instances.document</c>
/// (see the engine's InstanceDocumentSerializer: x = executions; i id, p parent, k kind, e element, w wait,
/// a arrived via, j/s owned jobs/subscriptions as id,element pairs, t task, ci called instance, in incident).
/// </summary>
public sealed record InstanceDocumentView(IReadOnlyList<ExecutionView> Executions)
{
    public static InstanceDocumentView Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var executions = new List<ExecutionView>();
        foreach (var x in document.RootElement.GetProperty("x").EnumerateArray())
        {
            executions.Add(new ExecutionView(
                x.GetProperty("i").GetInt32(),
                x.TryGetProperty("p", out var p) ? p.GetInt32() : null,
                x.GetProperty("k").GetInt32(),
                x.TryGetProperty("e", out var e) ? e.GetString() : null,
                x.TryGetProperty("w", out var w) ? w.GetInt32() : 0,
                x.TryGetProperty("a", out var a) ? a.GetString() : null,
                OwnedIds(x, "j"),
                OwnedIds(x, "s"),
                x.TryGetProperty("t", out var t) ? t.GetGuid() : null,
                x.TryGetProperty("ci", out var ci) ? ci.GetGuid() : null,
                x.TryGetProperty("in", out var incident) ? incident.GetGuid() : null));
        }

        return new InstanceDocumentView(executions);
    }

    private static List<Guid> OwnedIds(JsonElement execution, string name)
    {
        if (!execution.TryGetProperty(name, out var pairs))
        {
            return [];
        }

        var values = pairs.EnumerateArray().ToList();
        var ids = new List<Guid>();
        for (var i = 0; i + 1 < values.Count; i += 2)
        {
            ids.Add(values[i].GetGuid());
        }

        return ids;
    }
}

/// <summary>One execution of the tree. Kinds: 0 root, 1 token, 2 sub-process, 3 multi-instance body, 4 event sub-process.
/// Waits: 0 none, 1 user task, 2 message, 3 timer, 4 external task, 5 call activity, 6 join, 7 event gateway,
/// 8 async before, 9 async after, 10 incident, 11 children.</summary>
public sealed record ExecutionView(
    int Id, int? ParentId, int Kind, string? ElementId, int Wait, string? ArrivedVia,
    IReadOnlyList<Guid> Jobs, IReadOnlyList<Guid> Subscriptions, Guid? TaskId, Guid? CalledInstanceId, Guid? IncidentId)
{
    public const int TokenKind = 1;
    public const int MultiInstanceBodyKind = 3;
    public const int NoWait = 0;
    public const int UserTaskWait = 1;
    public const int JoinWait = 6;

    /// <summary>Whether something outside the tree (a task, job, subscription, called instance or incident) will move it on.</summary>
    public bool WaitsOnSomething => TaskId is not null || Jobs.Count > 0 || Subscriptions.Count > 0 || CalledInstanceId is not null || IncidentId is not null;
}
