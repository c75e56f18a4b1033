namespace WorkflowHub.Engine.Persistence.InMemory;

/// <summary>
/// The store's copy of an instance row, written field by field. Every command copies its instance in and out, and
/// <see cref="InstanceRecord.Clone"/> (<c>MemberwiseClone</c>) goes through a runtime call that showed as a quarter of
/// a start command's samples; a plain allocation and eleven assignments do not. A test compares the two on every
/// property, so a property added to the record and forgotten here fails it.
/// </summary>
internal static class InstanceRecordCopy
{
    public static InstanceRecord Of(InstanceRecord source) => new()
    {
        Id = source.Id,
        DefinitionId = source.DefinitionId,
        DefinitionKey = source.DefinitionKey,
        DefinitionVersion = source.DefinitionVersion,
        BusinessKey = source.BusinessKey,
        State = source.State,
        ParentInstanceId = source.ParentInstanceId,
        StartedAt = source.StartedAt,
        EndedAt = source.EndedAt,
        StartedBy = source.StartedBy,
        Version = source.Version,
        Document = source.Document,
    };
}
