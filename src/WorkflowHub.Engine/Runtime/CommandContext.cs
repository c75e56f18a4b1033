using System.Text.Json;
using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Runtime.State;
using WorkflowHub.Engine.Scripting;

namespace WorkflowHub.Engine.Runtime;

/// <summary>
/// One command's unit of work: the transaction, the clock reading, the acting user, the agenda, every instance the
/// command touched (a call activity touches two) and the notifications to send after commit.
/// </summary>
internal sealed class CommandContext(EngineServices services, IEngineTransaction transaction, string? userId, CancellationToken cancellationToken)
{
    // A command touches one instance, two with a call activity: a short list searched by id, not a dictionary.
    private readonly List<InstanceContext> _instances = new(1);
    private List<Func<IEngineEventListener, CancellationToken, Task>>? _notifications;
    private readonly IHistoryRowWriter? _historyRows = transaction as IHistoryRowWriter;
    private CommandIdGenerator _ids;
    private HistoryStamp? _stamp;

    [ThreadStatic]
    private static JsonScratch? t_json;

    public EngineServices Services { get; } = services;

    public IEngineTransaction Tx { get; } = transaction;

    public DateTimeOffset Now { get; } = services.Time.GetUtcNow();

    public string? UserId { get; } = userId;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public Agenda Agenda { get; } = new();

    public List<InstanceContext> Instances => _instances;

    public async Task<InstanceContext?> LoadInstanceAsync(Guid id)
    {
        foreach (var loaded in _instances)
        {
            if (loaded.Id == id)
            {
                return loaded;
            }
        }

        var record = await Tx.FindInstanceAsync(id, CancellationToken);
        if (record is null)
        {
            return null;
        }

        var definition = await Services.Definitions.FindAsync(Tx, record.DefinitionId, CancellationToken)
            ?? throw new InvalidOperationException($"Instance {id} refers to definition '{record.DefinitionId}', which is not stored.");
        var context = new InstanceContext(record, InstanceDocumentSerializer.Deserialize(record.Document), definition, isNew: false);
        _instances.Add(context);
        return context;
    }

    public InstanceContext CreateInstance(ProcessDefinition definition, string? businessKey, Guid? parentInstanceId, int? parentExecutionId, Dictionary<string, object?>? variables)
    {
        var record = new InstanceRecord
        {
            Id = NewId(),
            DefinitionId = definition.Id,
            DefinitionKey = definition.Key,
            DefinitionVersion = definition.Version,
            BusinessKey = businessKey,
            State = InstanceState.Active,
            ParentInstanceId = parentInstanceId,
            StartedAt = Now,
            StartedBy = UserId,
            Version = 1,
        };
        var document = new InstanceDocument
        {
            ParentExecutionId = parentExecutionId,

            // Sized once for the elements an instance can complete, instead of growing element by element.
            CompletedElements = new CompletedElementSet(Math.Min(definition.Model.Nodes.Count, 64)),
        };
        var context = new InstanceContext(record, document, definition, isNew: true);
        var root = context.NewExecution(null, ExecutionKind.Root, null);
        root.Variables = variables ?? new Dictionary<string, object?>(StringComparer.Ordinal);
        _instances.Add(context);
        return context;
    }

    /// <summary>A new id for a row this command creates (see <see cref="CommandIdGenerator"/>).</summary>
    public Guid NewId() => _ids.Next(Now);

    /// <summary>Appends a history row to the instance's rows of this command (written to the store at commit).</summary>
    public void History(InstanceContext instance, HistoryEventType type, string? elementId = null, string? elementType = null, Guid? taskId = null, string? data = null)
    {
        // The row's id is only numbered here; the Guid is built if and when the row is read (HistoryRow.Id).
        var idOrdinal = _ids.NextOrdinal(Now);
        var stamp = Stamp(instance.Definition.Id);
        if (taskId is not null)
        {
            stamp = stamp with { TaskId = taskId };
        }

        instance.AddHistory(new HistoryRow(idOrdinal, instance.Document.NextHistorySequence++, type, elementId, elementType, data, stamp));
    }

    /// <summary>The stamp of this command's rows for a definition (a command with a call activity writes for two).</summary>
    private HistoryStamp Stamp(string definitionId) =>
        _stamp is { } last && last.DefinitionId == definitionId ? last : _stamp = new HistoryStamp(definitionId, UserId, Now, _ids.Base);

    public static string Json(IReadOnlyDictionary<string, object?> values)
    {
        var writer = StartJson();
        writer.WriteStartObject();
        foreach (var (k, v) in values)
        {
            writer.WritePropertyName(k);
            VariableValues.WriteJson(writer, v);
        }

        writer.WriteEndObject();
        return FinishJson();
    }

    /// <summary>The same JSON as <see cref="Json(IReadOnlyDictionary{string, object?})"/> for one pair, without the dictionary.</summary>
    public static string Json(string name, object? value)
    {
        var writer = StartJson();
        writer.WriteStartObject();
        writer.WritePropertyName(name);
        VariableValues.WriteJson(writer, value);
        writer.WriteEndObject();
        return FinishJson();
    }

    /// <summary>History data is written for nearly every element: one buffer and writer per thread, reset per use.</summary>
    private static Utf8JsonWriter StartJson()
    {
        var scratch = t_json ??= new JsonScratch();
        scratch.Buffer.ResetWrittenCount();
        scratch.Writer.Reset(scratch.Buffer);
        return scratch.Writer;
    }

    private static string FinishJson()
    {
        var scratch = t_json!;
        scratch.Writer.Flush();
        return System.Text.Encoding.UTF8.GetString(scratch.Buffer.WrittenSpan);
    }

    private sealed class JsonScratch
    {
        public System.Buffers.ArrayBufferWriter<byte> Buffer { get; } = new(256);

        public Utf8JsonWriter Writer { get; }

        public JsonScratch() => Writer = new Utf8JsonWriter(Buffer);
    }

    /// <summary>Whether anyone listens: without listeners the snapshots for notifications are not worth copying.</summary>
    public bool HasListeners => Services.Listeners.Count > 0;

    public void Notify(Func<IEngineEventListener, CancellationToken, Task> notification)
    {
        if (Services.Listeners.Count > 0)
        {
            (_notifications ??= []).Add(notification);
        }
    }

    /// <summary>Writes every touched instance (new ones inserted, loaded ones saved against their loaded version) and commits.</summary>
    public Task CommitAsync()
    {
        foreach (var instance in _instances)
        {
            instance.Record.Document = InstanceDocumentSerializer.Serialize(instance.Document);
            if (instance.IsNew)
            {
                Tx.AddInstance(instance.Record);
            }
            else
            {
                instance.Record.Version = instance.LoadedVersion + 1;
                Tx.UpdateInstance(instance.Record, instance.LoadedVersion);
            }

            WriteHistory(instance);
        }

        return Tx.CommitAsync(CancellationToken);
    }

    /// <summary>The instance's rows of this command: handed over whole to a store that keeps rows, else one record each.</summary>
    private void WriteHistory(InstanceContext instance)
    {
        if (instance.HistoryRows is not { } rows)
        {
            return;
        }

        if (_historyRows is { } writer)
        {
            writer.AppendHistory(rows);
            return;
        }

        foreach (ref readonly var row in rows.Rows)
        {
            Tx.AppendHistory(row.ToRecord(instance.Id));
        }
    }

    private static void DefaultListenerError(Exception ex) => System.Diagnostics.Trace.TraceError("Workflow engine listener failed: {0}", ex);

    /// <summary>Sends the notifications collected during the command (most commands have none: no state machine then).</summary>
    public Task DispatchNotificationsAsync() => _notifications is null ? Task.CompletedTask : DispatchAsync(_notifications);

    private async Task DispatchAsync(List<Func<IEngineEventListener, CancellationToken, Task>> notifications)
    {
        foreach (var notification in notifications)
        {
            foreach (var listener in Services.Listeners)
            {
                try
                {
                    await notification(listener, CancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The command has committed: a listener's failure must not make the caller think it did not.
                    (Services.Options.ListenerError ?? DefaultListenerError)(ex);
                }
            }
        }
    }
}
