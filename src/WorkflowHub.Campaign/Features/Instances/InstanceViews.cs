using System.Text.Json;
using WorkflowHub.Engine;
using WorkflowHub.Engine.Persistence;

namespace WorkflowHub.Campaign.Features.Instances;

/// <summary>An open or resolved incident: where the instance is stuck and why.</summary>
public sealed record IncidentView(
    Guid Id, Guid InstanceId, string DefinitionKey, string ElementId, string Type, string Message,
    IncidentState State, DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt, Guid? JobId)
{
    public static IncidentView From(IncidentRecord record) => new(
        record.Id, record.InstanceId, record.DefinitionKey, record.ElementId, record.Type, record.Message,
        record.State, record.CreatedAt, record.ResolvedAt, record.JobId);
}

/// <summary>An instance in a list: without its variables.</summary>
public sealed record InstanceSummary(
    Guid Id, string DefinitionId, string DefinitionKey, int DefinitionVersion, string? BusinessKey, InstanceState State,
    Guid? ParentInstanceId, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string? StartedBy)
{
    public static InstanceSummary From(InstanceRecord record) => new(
        record.Id, record.DefinitionId, record.DefinitionKey, record.DefinitionVersion, record.BusinessKey, record.State,
        record.ParentInstanceId, record.StartedAt, record.EndedAt, record.StartedBy);
}

/// <summary>An instance with its variables, where its tokens are, where they have been, and its incidents.</summary>
public sealed record InstanceDetails(
    Guid Id, string DefinitionId, string DefinitionKey, int DefinitionVersion, string? BusinessKey, InstanceState State,
    Guid? ParentInstanceId, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string? StartedBy,
    IReadOnlyDictionary<string, object?> Variables, IReadOnlyList<string> ActiveElementIds, IReadOnlyList<string> CompletedElementIds,
    IReadOnlyList<IncidentView> Incidents)
{
    public static InstanceDetails From(InstanceView view) => new(
        view.Id, view.DefinitionId, view.DefinitionKey, view.DefinitionVersion, view.BusinessKey, view.State,
        view.ParentInstanceId, view.StartedAt, view.EndedAt, view.StartedBy,
        view.Variables, view.ActiveElementIds, view.CompletedElementIds, view.Incidents.Select(IncidentView.From).ToList());
}

/// <summary>One history event; <see cref="Data"/> is the event's JSON detail (variables set, message name, decision...).</summary>
public sealed record HistoryEventView(
    long Sequence, HistoryEventType Type, string? ElementId, string? ElementType, Guid? TaskId, string? UserId,
    DateTimeOffset Timestamp, JsonElement? Data)
{
    public static HistoryEventView From(HistoryEventRecord record) => new(
        record.Sequence, record.Type, record.ElementId, record.ElementType, record.TaskId, record.UserId, record.Timestamp, ParseData(record.Data));

    private static JsonElement? ParseData(string? data)
    {
        if (string.IsNullOrEmpty(data))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(data);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Older rows may hold plain text; show it as a string rather than hide it.
            return JsonSerializer.SerializeToElement(data);
        }
    }
}
