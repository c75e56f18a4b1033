namespace WorkflowHub.Engine.Persistence;

/// <summary>
/// Implemented by transactions that store history rows as values: the engine hands them <see cref="HistoryRow"/>s
/// directly instead of a <see cref="HistoryEventRecord"/> per event. Same semantics as
/// <see cref="IEngineTransaction.AppendHistory"/>: buffered, applied at commit, discarded without it.
/// </summary>
internal interface IHistoryRowWriter
{
    void AppendHistory(Guid instanceId, in HistoryRow row);
}
