namespace WorkflowHub.Engine.Persistence;

/// <summary>
/// A history event as a value, without its instance id (whoever holds the row knows the instance) and with its id as
/// a number counted from the command's first id (<see cref="HistoryStamp.Ids"/>): 48 bytes. The engine writes some
/// fifteen of these per started instance; a store that keeps them as values (<see cref="IHistoryRowWriter"/>) spares an
/// object per event, while any other store receives them as <see cref="HistoryEventRecord"/>s.
/// </summary>
internal readonly record struct HistoryRow(int IdOrdinal, long Sequence, HistoryEventType Type, string? ElementId, string? ElementType, string? Data, HistoryStamp Stamp)
{
    public Guid Id => Stamp.Ids.At(IdOrdinal);

    /// <summary>A record written by hand: its own stamp, whose id number 0 is the record's id.</summary>
    public static HistoryRow From(HistoryEventRecord record) => new(
        0, record.Sequence, record.Type, record.ElementId, record.ElementType, record.Data,
        new HistoryStamp(record.DefinitionId, record.UserId, record.Timestamp, CommandIdBase.Of(record.Id), record.TaskId));

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
