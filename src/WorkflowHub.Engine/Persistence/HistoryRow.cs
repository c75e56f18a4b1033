namespace WorkflowHub.Engine.Persistence;

/// <summary>
/// A history event as a value, without its instance id (whoever holds the row knows the instance). The engine writes
/// some fifteen of these per started instance; a store that keeps them as values (<see cref="IHistoryRowWriter"/>)
/// spares an object per event, while any other store receives them as <see cref="HistoryEventRecord"/>s.
/// </summary>
internal readonly record struct HistoryRow(Guid Id, long Sequence, HistoryEventType Type, string? ElementId, string? ElementType, string? Data, HistoryStamp Stamp)
{
    public static HistoryRow From(HistoryEventRecord record) => new(
        record.Id, record.Sequence, record.Type, record.ElementId, record.ElementType, record.Data,
        new HistoryStamp(record.DefinitionId, record.UserId, record.Timestamp, record.TaskId));

    public HistoryEventRecord ToRecord(Guid instanceId) => new()
    {
        Id = Id,
        InstanceId = instanceId,
        Sequence = Sequence,
        DefinitionId = Stamp.DefinitionId,
        Type = Type,
        ElementId = ElementId,
        ElementType = ElementType,
        TaskId = Stamp.TaskId,
        UserId = Stamp.UserId,
        Timestamp = Stamp.Timestamp,
        Data = Data,
    };
}
