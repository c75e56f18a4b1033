using System.Buffers;
using System.Text;
using System.Text.Json;
using WorkflowHub.Engine.Scripting;

namespace WorkflowHub.Engine.Runtime.State;

/// <summary>A compact hand-written JSON shape for the instance document: short property names, no reflection.</summary>
internal static class InstanceDocumentSerializer
{
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
            w.WriteNumber("n", document.NextExecutionId);
            w.WriteNumber("h", document.NextHistorySequence);
            if (document.ParentExecutionId is { } parentExecution)
            {
                w.WriteNumber("pe", parentExecution);
            }

            w.WriteStartArray("x");
            foreach (var e in document.Executions)
            {
                WriteExecution(w, e);
            }

            w.WriteEndArray();
            w.WriteStartArray("c");
            foreach (var id in document.CompletedElements)
            {
                w.WriteStringValue(id);
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
        return (buffer, new Utf8JsonWriter(buffer));
    }

    private static void WriteExecution(Utf8JsonWriter w, ExecutionState e)
    {
        w.WriteStartObject();
        w.WriteNumber("i", e.Id);
        if (e.ParentId is { } p)
        {
            w.WriteNumber("p", p);
        }

        w.WriteNumber("k", (int)e.Kind);
        if (e.ElementId is not null)
        {
            w.WriteString("e", e.ElementId);
        }

        if (e.Wait != WaitKind.None)
        {
            w.WriteNumber("w", (int)e.Wait);
        }

        if (e.ArrivedVia is not null)
        {
            w.WriteString("a", e.ArrivedVia);
        }

        if (e.Variables is { Count: > 0 })
        {
            w.WritePropertyName("v");
            VariableValues.WriteJson(w, e.Variables);
        }

        WriteGuids(w, "j", e.Jobs);
        WriteGuids(w, "s", e.Subscriptions);
        if (e.TaskId is { } t)
        {
            w.WriteString("t", t);
        }

        if (e.CalledInstanceId is { } c)
        {
            w.WriteString("ci", c);
        }

        if (e.IncidentId is { } inc)
        {
            w.WriteString("in", inc);
        }

        if (e.PendingItems is not null)
        {
            w.WritePropertyName("pi");
            VariableValues.WriteJson(w, e.PendingItems);
        }

        w.WriteEndObject();
    }

    private static void WriteGuids(Utf8JsonWriter w, string name, List<OwnedItem>? items)
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
            NextExecutionId = root.GetProperty("n").GetInt32(),
            NextHistorySequence = root.GetProperty("h").GetInt64(),
            ParentExecutionId = root.TryGetProperty("pe", out var pe) ? pe.GetInt32() : null,
        };
        foreach (var x in root.GetProperty("x").EnumerateArray())
        {
            result.Executions.Add(ReadExecution(x));
        }

        foreach (var c in root.GetProperty("c").EnumerateArray())
        {
            result.CompletedElements.Add(c.GetString()!);
        }

        return result;
    }

    private static ExecutionState ReadExecution(JsonElement x)
    {
        var e = new ExecutionState { Id = x.GetProperty("i").GetInt32(), Kind = (ExecutionKind)x.GetProperty("k").GetInt32() };
        foreach (var property in x.EnumerateObject())
        {
            switch (property.Name)
            {
                case "p":
                    e.ParentId = property.Value.GetInt32();
                    break;
                case "e":
                    e.ElementId = property.Value.GetString();
                    break;
                case "w":
                    e.Wait = (WaitKind)property.Value.GetInt32();
                    break;
                case "a":
                    e.ArrivedVia = property.Value.GetString();
                    break;
                case "v":
                    e.Variables = (Dictionary<string, object?>?)VariableValues.FromJson(property.Value);
                    break;
                case "j":
                    e.Jobs = ReadOwned(property.Value);
                    break;
                case "s":
                    e.Subscriptions = ReadOwned(property.Value);
                    break;
                case "t":
                    e.TaskId = property.Value.GetGuid();
                    break;
                case "ci":
                    e.CalledInstanceId = property.Value.GetGuid();
                    break;
                case "in":
                    e.IncidentId = property.Value.GetGuid();
                    break;
                case "pi":
                    e.PendingItems = (List<object?>?)VariableValues.FromJson(property.Value);
                    break;
            }
        }

        return e;
    }
}
