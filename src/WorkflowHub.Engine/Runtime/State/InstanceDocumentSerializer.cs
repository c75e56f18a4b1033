using System.Buffers;
using System.Text;
using System.Text.Json;
using WorkflowHub.Engine.Scripting;

namespace WorkflowHub.Engine.Runtime.State;

/// <summary>A compact hand-written JSON shape for the instance document: short property names, no reflection.</summary>
internal static class InstanceDocumentSerializer
{
    /// <summary>
    /// The document's property names, encoded once for both directions: a name written as a string is checked for
    /// characters to escape and transcoded to UTF-8 on every write, and every command writes some twenty.
    /// </summary>
    private static class Names
    {
        public static readonly JsonEncodedText NextExecutionId = JsonEncodedText.Encode("n");
        public static readonly JsonEncodedText NextHistorySequence = JsonEncodedText.Encode("h");
        public static readonly JsonEncodedText ParentExecutionId = JsonEncodedText.Encode("pe");
        public static readonly JsonEncodedText Executions = JsonEncodedText.Encode("x");
        public static readonly JsonEncodedText CompletedElements = JsonEncodedText.Encode("c");
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("i");
        public static readonly JsonEncodedText ParentId = JsonEncodedText.Encode("p");
        public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("k");
        public static readonly JsonEncodedText ElementId = JsonEncodedText.Encode("e");
        public static readonly JsonEncodedText Wait = JsonEncodedText.Encode("w");
        public static readonly JsonEncodedText ArrivedVia = JsonEncodedText.Encode("a");
        public static readonly JsonEncodedText Variables = JsonEncodedText.Encode("v");
        public static readonly JsonEncodedText Jobs = JsonEncodedText.Encode("j");
        public static readonly JsonEncodedText Subscriptions = JsonEncodedText.Encode("s");
        public static readonly JsonEncodedText TaskId = JsonEncodedText.Encode("t");
        public static readonly JsonEncodedText CalledInstanceId = JsonEncodedText.Encode("ci");
        public static readonly JsonEncodedText IncidentId = JsonEncodedText.Encode("in");
        public static readonly JsonEncodedText PendingItems = JsonEncodedText.Encode("pi");
    }

    /// <summary>Every command serializes its instances: one buffer and writer per thread, reset per use.</summary>
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? t_scratch;

    public static string Serialize(InstanceDocument document)
    {
        var (buffer, w) = t_scratch ??= NewScratch();
        buffer.ResetWrittenCount();
        w.Reset(buffer);
        {
            w.WriteStartObject();
            w.WriteNumber(Names.NextExecutionId, document.NextExecutionId);
            w.WriteNumber(Names.NextHistorySequence, document.NextHistorySequence);
            if (document.ParentExecutionId is { } parentExecution)
            {
                w.WriteNumber(Names.ParentExecutionId, parentExecution);
            }

            w.WriteStartArray(Names.Executions);
            foreach (var e in document.Executions)
            {
                WriteExecution(w, e);
            }

            w.WriteEndArray();
            w.WriteStartArray(Names.CompletedElements);
            var completed = document.CompletedElements;
            for (var i = 0; i < completed.Count; i++)
            {
                w.WriteStringValue(completed[i]);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.Flush();
        }

        var json = Encoding.UTF8.GetString(buffer.WrittenSpan);
        if (buffer.Capacity > 64 * 1024)
        {
            // A huge document once must not pin a huge buffer to the thread for good.
            t_scratch = null;
        }

        return json;
    }

    private static (ArrayBufferWriter<byte>, Utf8JsonWriter) NewScratch()
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        // Validation guards against a malformed order of writes; this order is fixed by the code above (and read back by
        // every multi-command test), and it runs for every command.
        return (buffer, new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }));
    }

    private static void WriteExecution(Utf8JsonWriter w, ExecutionState e)
    {
        w.WriteStartObject();
        w.WriteNumber(Names.Id, e.Id);
        if (e.ParentId is { } p)
        {
            w.WriteNumber(Names.ParentId, p);
        }

        w.WriteNumber(Names.Kind, (int)e.Kind);
        if (e.ElementId is not null)
        {
            w.WriteString(Names.ElementId, e.ElementId);
        }

        if (e.Wait != WaitKind.None)
        {
            w.WriteNumber(Names.Wait, (int)e.Wait);
        }

        if (e.ArrivedVia is not null)
        {
            w.WriteString(Names.ArrivedVia, e.ArrivedVia);
        }

        if (e.Variables is { Count: > 0 })
        {
            w.WritePropertyName(Names.Variables);
            VariableValues.WriteJson(w, e.Variables);
        }

        WriteGuids(w, Names.Jobs, e.Jobs);
        WriteGuids(w, Names.Subscriptions, e.Subscriptions);
        if (e.TaskId is { } t)
        {
            w.WriteString(Names.TaskId, t);
        }

        if (e.CalledInstanceId is { } c)
        {
            w.WriteString(Names.CalledInstanceId, c);
        }

        if (e.IncidentId is { } inc)
        {
            w.WriteString(Names.IncidentId, inc);
        }

        if (e.PendingItems is not null)
        {
            w.WritePropertyName(Names.PendingItems);
            VariableValues.WriteJson(w, e.PendingItems);
        }

        w.WriteEndObject();
    }

    private static void WriteGuids(Utf8JsonWriter w, JsonEncodedText name, List<OwnedItem>? items)
    {
        if (items is not { Count: > 0 })
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStringValue(item.Id);
            w.WriteStringValue(item.ElementId);
        }

        w.WriteEndArray();
    }

    private static List<OwnedItem> ReadOwned(JsonElement array)
    {
        var result = new List<OwnedItem>();
        var values = array.EnumerateArray().ToList();
        for (var i = 0; i + 1 < values.Count; i += 2)
        {
            result.Add(new OwnedItem(values[i].GetGuid(), values[i + 1].GetString()!));
        }

        return result;
    }

    public static InstanceDocument Deserialize(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var result = new InstanceDocument
        {
            NextExecutionId = root.GetProperty(Names.NextExecutionId.EncodedUtf8Bytes).GetInt32(),
            NextHistorySequence = root.GetProperty(Names.NextHistorySequence.EncodedUtf8Bytes).GetInt64(),
            ParentExecutionId = root.TryGetProperty(Names.ParentExecutionId.EncodedUtf8Bytes, out var pe) ? pe.GetInt32() : null,
        };
        foreach (var x in root.GetProperty(Names.Executions.EncodedUtf8Bytes).EnumerateArray())
        {
            result.Executions.Add(ReadExecution(x));
        }

        foreach (var c in root.GetProperty(Names.CompletedElements.EncodedUtf8Bytes).EnumerateArray())
        {
            result.CompletedElements.Add(c.GetString()!);
        }

        return result;
    }

    private static ExecutionState ReadExecution(JsonElement x)
    {
        var e = new ExecutionState { Id = x.GetProperty(Names.Id.EncodedUtf8Bytes).GetInt32(), Kind = (ExecutionKind)x.GetProperty(Names.Kind.EncodedUtf8Bytes).GetInt32() };
        foreach (var property in x.EnumerateObject())
        {
            var value = property.Value;
            if (property.NameEquals(Names.ParentId.EncodedUtf8Bytes))
            {
                e.ParentId = value.GetInt32();
            }
            else if (property.NameEquals(Names.ElementId.EncodedUtf8Bytes))
            {
                e.ElementId = value.GetString();
            }
            else if (property.NameEquals(Names.Wait.EncodedUtf8Bytes))
            {
                e.Wait = (WaitKind)value.GetInt32();
            }
            else if (property.NameEquals(Names.ArrivedVia.EncodedUtf8Bytes))
            {
                e.ArrivedVia = value.GetString();
            }
            else if (property.NameEquals(Names.Variables.EncodedUtf8Bytes))
            {
                e.Variables = (Dictionary<string, object?>?)VariableValues.FromJson(value);
            }
            else if (property.NameEquals(Names.Jobs.EncodedUtf8Bytes))
            {
                e.Jobs = ReadOwned(value);
            }
            else if (property.NameEquals(Names.Subscriptions.EncodedUtf8Bytes))
            {
                e.Subscriptions = ReadOwned(value);
            }
            else if (property.NameEquals(Names.TaskId.EncodedUtf8Bytes))
            {
                e.TaskId = value.GetGuid();
            }
            else if (property.NameEquals(Names.CalledInstanceId.EncodedUtf8Bytes))
            {
                e.CalledInstanceId = value.GetGuid();
            }
            else if (property.NameEquals(Names.IncidentId.EncodedUtf8Bytes))
            {
                e.IncidentId = value.GetGuid();
            }
            else if (property.NameEquals(Names.PendingItems.EncodedUtf8Bytes))
            {
                e.PendingItems = (List<object?>?)VariableValues.FromJson(value);
            }
        }

        return e;
    }
}
