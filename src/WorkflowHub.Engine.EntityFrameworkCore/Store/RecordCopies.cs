namespace WorkflowHub.Engine.EntityFrameworkCore.Store;

/// <summary>Copies for the record types the engine does not give a Clone method: the store never keeps the caller's objects.</summary>
internal static class RecordCopies
{
    public static DefinitionRecord Copy(DefinitionRecord d) => new()
    {
        Id = d.Id, Key = d.Key, Version = d.Version, Name = d.Name, Xml = d.Xml, ContentHash = d.ContentHash, DeployedAt = d.DeployedAt, DeployedBy = d.DeployedBy,
    };

    public static HistoryEventRecord Copy(HistoryEventRecord h) => new()
    {
        Id = h.Id, InstanceId = h.InstanceId, Sequence = h.Sequence, DefinitionId = h.DefinitionId, Type = h.Type, ElementId = h.ElementId,
        ElementType = h.ElementType, TaskId = h.TaskId, UserId = h.UserId, Timestamp = h.Timestamp, Data = h.Data,
    };
}
